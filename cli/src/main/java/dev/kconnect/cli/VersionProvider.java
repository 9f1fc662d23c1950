package dev.kconnect.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Versions written into the jar at build time, so {@code --version} loads nothing else. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        Properties v = versions();
        return new String[] {
            "kconnect " + v.getProperty("kconnect", "unknown"),
            "Kafka (connect-runtime) " + v.getProperty("kafka", "unknown"),
            "gpudb-api " + v.getProperty("gpudb", "unknown"),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }

    static Properties versions() {
        Properties props = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/kconnect-version.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            // versions stay "unknown"
        }
        return props;
    }
}
