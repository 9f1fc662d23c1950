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
                .define(CLEAR_ON_TRUNCATE, Type.BOOLEAN, false, Importance.LOW,
                        "A truncate change event (op 't') deletes every row of its table. false: truncate "
                                + "events are skipped, with one warning per table.",
                        GROUP, ++order, Width.SHORT, "Clear table on truncate");
    }
}
