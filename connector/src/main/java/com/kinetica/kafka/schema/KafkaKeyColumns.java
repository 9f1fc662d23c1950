package com.kinetica.kafka.schema;

import com.gpudb.Type;
import com.kinetica.kafka.config.KineticaSinkConfig;
import com.kinetica.kafka.convert.ColumnKind;
import org.apache.kafka.connect.errors.DataException;

import java.util.ArrayList;
import java.util.List;

/**
 * The primary key of {@code kinetica.tables.primary_key_mode=kafka}: the topic, partition and
 * offset a record was read at. A record delivered twice has the same key, so its second write
 * overwrites the first instead of adding a row.
 */
public final class KafkaKeyColumns {
    public static final String TOPIC = KineticaSinkConfig.KAFKA_KEY_COLUMNS.get(0);
    public static final String PARTITION = KineticaSinkConfig.KAFKA_KEY_COLUMNS.get(1);
    public static final String OFFSET = KineticaSinkConfig.KAFKA_KEY_COLUMNS.get(2);
    /** Kafka topic names have at most 249 characters. */
    private static final int TOPIC_LENGTH = 256;

    private KafkaKeyColumns() {
    }

    /** The value's columns, none of them a key any more, then the three key columns. */
    public static List<ColumnSpec> appendTo(List<ColumnSpec> valueColumns) {
        List<ColumnSpec> columns = new ArrayList<>();
        for (ColumnSpec c : valueColumns) {
            if (KineticaSinkConfig.KAFKA_KEY_COLUMNS.contains(c.name())) {
                throw new DataException("the record has a field named " + c.name()
                        + ", which kinetica.tables.primary_key_mode=kafka adds itself");
            }
            columns.add(new ColumnSpec(c.name(), c.kind(), c.nullable() || c.primaryKey(), false, c.charLength()));
        }
        columns.add(new ColumnSpec(TOPIC, ColumnKind.STRING, false, true, TOPIC_LENGTH));
        columns.add(new ColumnSpec(PARTITION, ColumnKind.INT, false, true));
        columns.add(new ColumnSpec(OFFSET, ColumnKind.LONG, false, true));
        return columns;
    }

    /** Whether the table has the three columns, so that each record can be keyed by them. */
    public static boolean presentIn(Type type) {
        return KineticaSinkConfig.KAFKA_KEY_COLUMNS.stream().allMatch(c -> type.getColumnIndex(c) >= 0);
    }
}
