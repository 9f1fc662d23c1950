package com.kinetica.kafka.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** The sink's options on change events (change data capture): which it applies, and how. */
public final class ChangeEventOptions {
    public static final String GROUP = "Change data capture";

    public static final String APPLY_CHANGE_EVENTS = "kinetica.cdc.apply_change_events";
    public static final String CLEAR_ON_TRUNCATE = "kinetica.cdc.clear_on_truncate";
    public static final String TABLE_FROM_SOURCE = "kinetica.cdc.table_from_source";
    public static final String TABLE_FROM_STRING_KEY = "kinetica.tables.table_from_string_key";

    private ChangeEventOptions() {
    }

    /** Adds the change event options to {@code def}, in the {@value #GROUP} group. */
    static ConfigDef define(ConfigDef def) {
        int order = 0;
        return def.define(APPLY_CHANGE_EVENTS, Type.BOOLEAN, true, Importance.MEDIUM,
                        "A record whose value is a Debezium change event (a struct whose schema name ends in "
                                + "'.Envelope', or a map, with 'op' and 'before'/'after') is applied to the table "
                                + "named after its topic: creates, snapshot reads and updates upsert the 'after' "
                                + "row by the record key (the key's fields are the primary key of a table the "
                                + "connector creates), deletes delete the row of the key, and the tombstones that "
                                + "follow deletes are skipped. false: such records are stored as rows of their own, "
                                + "one column per envelope field. Not with "
                                + KineticaSinkConfig.PRIMARY_KEY_MODE + "=kafka, where envelopes are stored as rows.",
                        GROUP, ++order, Width.SHORT, "Apply change events")
                .define(TABLE_FROM_SOURCE, Type.BOOLEAN, false, Importance.MEDIUM,
                        "Debezium change events go to the table their 'source' names ('schema', or 'db' where "
                                + "the database has none, then 'table'; for rows after ExtractNewRecordState, the "
                                + "added fields __schema or __db, and __table), prefixed by "
                                + KineticaSinkConfig.PREFIX + ", instead of the table named after the topic. "
                                + "GoldenGate operations always go to the table their 'table' field names.",
                        GROUP, ++order, Width.SHORT, "Table from the event's source")
                .define(CLEAR_ON_TRUNCATE, Type.BOOLEAN, false, Importance.LOW,
                        "A truncate change event (op 't') deletes every row of its table. false: truncate "
                                + "events are skipped, with one warning per table.",
                        GROUP, ++order, Width.SHORT, "Clear table on truncate")
                .define(TABLE_FROM_STRING_KEY, Type.BOOLEAN, false, Importance.LOW,
                        "Kinetica's original connector's rule: a record without a value schema whose key is a "
                                + "string goes to the table the key names (with single_table_per_topic=false, the "
                                + "prefix and the key after its last dot; with true, the topic's table, as "
                                + "before), the way GoldenGate's handler keys records by table name.",
                        GROUP, ++order, Width.SHORT, "Table from a string key");
    }
}
