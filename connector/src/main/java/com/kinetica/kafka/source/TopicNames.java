package com.kinetica.kafka.source;

import org.apache.kafka.connect.errors.ConnectException;

import java.util.regex.Pattern;

/**
 * Topic and schema names for a table. A topic is the prefix plus the table name with every
 * character Kafka does not allow (anything but letters, digits, '.', '_' and '-') replaced by
 * '_': {@code ki_home.orders} stays {@code ki_home.orders}, {@code my schema.t$1} becomes
 * {@code my_schema.t_1}.
 */
public final class TopicNames {
    private static final Pattern NOT_TOPIC = Pattern.compile("[^A-Za-z0-9._-]");
    private static final Pattern NOT_NAME = Pattern.compile("[^A-Za-z0-9_]");
    private static final int MAX_TOPIC_LENGTH = 249;

    private TopicNames() {
    }

    public static String topic(String prefix, String table) {
        String topic = NOT_TOPIC.matcher(prefix + table).replaceAll("_");
        if (topic.length() > MAX_TOPIC_LENGTH || topic.equals(".") || topic.equals("..")) {
            throw new ConnectException("Table '" + table + "' with topic prefix '" + prefix + "' gives the topic name '"
                    + topic + "', which Kafka does not accept (at most " + MAX_TOPIC_LENGTH
                    + " characters, not '.' or '..'): change kinetica.topic_prefix");
        }
        return topic;
    }

    /**
     * The Connect value schema name of a table: {@code kinetica.} plus the table name, each
     * dot-separated part made a valid Avro name ({@code kinetica.ki_home.orders}); the key schema
     * appends {@code .Key}. Its last part is the table's name, as the original connector's was: a
     * sink with {@code single_table_per_topic=false} names its table after it.
     */
    public static String schemaName(String table) {
        StringBuilder name = new StringBuilder("kinetica");
        for (String part : table.split("\\.", -1)) {
            String clean = NOT_NAME.matcher(part).replaceAll("_");
            if (clean.isEmpty() || Character.isDigit(clean.charAt(0))) {
                clean = "_" + clean;
            }
            name.append('.').append(clean);
        }
        return name.toString();
    }
}
