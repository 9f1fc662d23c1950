package dev.kconnect.runtime.worker;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkerSettingsTest {
    static final Path PLUGINS = Path.of("/opt/kconnect/plugins");
    static final Path OFFSETS = Path.of("/tmp/x.offsets");

    @Test
    void seedRestPortBecomesAListenerWithANotice() {
        WorkerSettings s = WorkerSettings.build(true, Map.of("rest.port", "8090"), Map.of(), PLUGINS, OFFSETS);
        assertEquals("http://127.0.0.1:8090", s.props().get("listeners"));
        assertFalse(s.props().containsKey("rest.port"), "Kafka 4 would reject it");
        assertEquals(List.of(8090), s.restPorts());
        assertTrue(s.notices().get(0).contains("rest.port=8090"), s.notices().toString());
    }

    @Test
    void standaloneDefaultsAreLocalAndUserSettingsWin() {
        WorkerSettings s = WorkerSettings.build(true, Map.of("bootstrap.servers", "kafka:9092"),
                Map.of("value.converter.schemas.enable", "false"), PLUGINS, OFFSETS);
        assertEquals("kafka:9092", s.props().get("bootstrap.servers"));
        assertEquals("false", s.props().get("value.converter.schemas.enable"));
        assertEquals("org.apache.kafka.connect.json.JsonConverter", s.props().get("key.converter"));
        assertEquals(OFFSETS.toString(), s.props().get("offset.storage.file.filename"));
        assertEquals("5", s.props().get("producer.linger.ms"), "source producers batch");
        assertEquals("100", s.props().get("offset.flush.interval.ms"), "after kill -9 a source resends at most 100 ms of rows");
    }

    @Test
    void bundledPluginIsAddedAndTheUsersPluginPathKept() {
        WorkerSettings own = WorkerSettings.build(false, Map.of("plugin.path", "/usr/share/java"), Map.of(), PLUGINS, null);
        assertEquals("/opt/kconnect/plugins,/usr/share/java", own.props().get("plugin.path"));
        assertFalse(own.props().containsKey("plugin.discovery"), "the user's plugins may have no service files");

        WorkerSettings none = WorkerSettings.build(false, Map.of(), Map.of(), PLUGINS, null);
        assertEquals("/opt/kconnect/plugins", none.props().get("plugin.path"));
        assertEquals("service_load", none.props().get("plugin.discovery"));
    }

    @Test
    void standaloneMovesOffATakenDefaultPortButDistributedDoesNot() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.setReuseAddress(true);
            taken.bind(new InetSocketAddress("127.0.0.1", WorkerSettings.DEFAULT_REST_PORT));
            WorkerSettings s = WorkerSettings.build(true, Map.of(), Map.of(), PLUGINS, OFFSETS);
            assertNotEquals(List.of(WorkerSettings.DEFAULT_REST_PORT), s.restPorts());
            assertTrue(s.notices().get(0).contains("is taken"), s.notices().toString());

            WorkerSettings d = WorkerSettings.build(false, Map.of(), Map.of(), PLUGINS, null);
            assertEquals(List.of(WorkerSettings.DEFAULT_REST_PORT), d.restPorts());
        } catch (java.net.BindException e) {
            // something else holds 8083 on this machine: the standalone case still must move off it
            WorkerSettings s = WorkerSettings.build(true, Map.of(), Map.of(), PLUGINS, OFFSETS);
            assertNotEquals(List.of(WorkerSettings.DEFAULT_REST_PORT), s.restPorts());
        }
    }

    @Test
    void offsetsAreKeptPerConnectorName() {
        Path a = WorkerSettings.offsetsFile(List.of("kinetica-sink"));
        Path b = WorkerSettings.offsetsFile(List.of("kinetica-source"));
        assertNotEquals(a, b);
        assertTrue(a.toString().endsWith("standalone/kinetica-sink.offsets"), a.toString());
    }

    @Test
    void configProvidersAreOnByDefaultAndAClassOfTheUsersKept() {
        for (boolean standalone : new boolean[] {true, false}) {
            WorkerSettings s = WorkerSettings.build(standalone, Map.of(),
                    Map.of("config.providers.file.param.allowed.paths", "/etc/kconnect"), PLUGINS, OFFSETS);
            assertEquals("file,directory,env", s.props().get("config.providers"));
            assertEquals("org.apache.kafka.common.config.provider.FileConfigProvider", s.props().get("config.providers.file.class"));
            assertEquals("org.apache.kafka.common.config.provider.DirectoryConfigProvider",
                    s.props().get("config.providers.directory.class"));
            assertEquals("org.apache.kafka.common.config.provider.EnvVarConfigProvider", s.props().get("config.providers.env.class"));
            assertEquals("/etc/kconnect", s.props().get("config.providers.file.param.allowed.paths"));
        }
        WorkerSettings own = WorkerSettings.build(false, Map.of("config.providers.file.class", "com.example.Vault"),
                Map.of(), PLUGINS, null);
        assertEquals("com.example.Vault", own.props().get("config.providers.file.class"));
        assertEquals(List.of(), own.notices());
    }

    @Test
    void aWorkerFileThatNamesProvidersKeepsItsChoiceWithANotice() {
        WorkerSettings s = WorkerSettings.build(false, Map.of("config.providers", "vault",
                "config.providers.vault.class", "com.example.VaultConfigProvider"), Map.of(), PLUGINS, null);
        assertEquals("vault", s.props().get("config.providers"));
        assertFalse(s.props().containsKey("config.providers.file.class"));
        assertFalse(s.props().containsKey("config.providers.env.class"));
        assertEquals(List.of("config.providers=vault is set: kconnect's default providers (file, directory, env) are not added"),
                s.notices());

        WorkerSettings none = WorkerSettings.build(true, Map.of("config.providers", ""), Map.of(), PLUGINS, OFFSETS);
        assertEquals("", none.props().get("config.providers"), "an empty list turns providers off");
    }
}
