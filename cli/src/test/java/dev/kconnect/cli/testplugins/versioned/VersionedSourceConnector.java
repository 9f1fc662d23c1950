package dev.kconnect.cli.testplugins.versioned;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A source that is installed in several versions at once: its version is read from
 * {@code kconnect-test-version.txt} beside its classes, so copies of the same classes in two
 * plugin directories are two versions of one plugin to the worker (KIP-891). It writes nothing;
 * its option {@code v<version>.option} tells the versions' options apart.
 */
public class VersionedSourceConnector extends SourceConnector {

    private Map<String, String> props;

    static String ownVersion() {
        try (InputStream in = VersionedSourceConnector.class.getResourceAsStream("/kconnect-test-version.txt")) {
            return in == null ? "0.0-unversioned" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "0.0-unreadable";
        }
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = props;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return IdleTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return Collections.nCopies(maxTasks, props);
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef().define("v" + ownVersion() + ".option", ConfigDef.Type.STRING, "", ConfigDef.Importance.LOW,
                "An option only version " + ownVersion() + " has.");
    }

    @Override
    public String version() {
        return ownVersion();
    }

    /** Writes nothing. */
    public static class IdleTask extends SourceTask {
        @Override
        public void start(Map<String, String> props) {
        }

        @Override
        public List<SourceRecord> poll() throws InterruptedException {
            Thread.sleep(200);
            return null;
        }

        @Override
        public void stop() {
        }

        @Override
        public String version() {
            return ownVersion();
        }
    }
}
