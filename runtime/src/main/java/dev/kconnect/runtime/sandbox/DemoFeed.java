package dev.kconnect.runtime.sandbox;

import java.util.List;

/** What {@code kconnect sandbox --demo} runs: connectors made once, then data every few seconds. */
interface DemoFeed extends AutoCloseable {
    /** The connectors it made, whose states the sandbox reports. */
    List<String> connectors();

    /** One line saying what flows where. */
    String describe();

    /** One round of sample data. */
    void feed(int count) throws Exception;

    /** One line on what has flowed so far. */
    String progress() throws Exception;

    @Override
    void close();
}
