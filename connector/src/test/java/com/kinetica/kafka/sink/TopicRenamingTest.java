package com.kinetica.kafka.sink;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TopicRenamingTest {
    static final String KAFKA = "org.apache.kafka.connect.transforms.";

    @Test
    void routersAndUnknownTransformsMayRenameKafkasOthersDoNot() {
        Map<String, String> config = Map.of(
                "transforms", " cast, route ,stamp,custom,unnamed",
                "transforms.cast.type", KAFKA + "Cast$Value",
                "transforms.route.type", KAFKA + "RegexRouter",
                "transforms.stamp.type", KAFKA + "TimestampRouter",
                "transforms.custom.type", "com.example.MyTransform");
        assertEquals(List.of("route", "stamp", "custom", "unnamed"), TopicRenaming.transforms(config));
    }

    @Test
    void noTransformsRenameNothing() {
        assertEquals(List.of(), TopicRenaming.transforms(Map.of()));
        assertEquals(List.of(), TopicRenaming.transforms(Map.of("transforms", " ")));
        assertEquals(List.of(), TopicRenaming.transforms(Map.of("transforms", "k",
                "transforms.k.type", KAFKA + "ValueToKey")));
    }
}
