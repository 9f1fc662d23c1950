package dev.kconnect.sandbox.kinetica.endpoint;

import dev.kconnect.sandbox.kinetica.monitor.TableMonitors;
import dev.kconnect.sandbox.kinetica.store.Catalog;

import java.util.HashMap;
import java.util.Map;

/** Every endpoint the emulator answers, by path. */
public final class Endpoints {
    private Endpoints() {
    }

    public static Map<String, Endpoint> all(Catalog catalog, TableMonitors monitors, Ranks ranks, Refusals refusals,
                                            boolean authenticated) {
        Map<String, Endpoint> endpoints = new HashMap<>();
        new SystemEndpoints(authenticated, ranks, monitors).register(endpoints);
        new TypeEndpoints(catalog).register(endpoints);
        new TableEndpoints(catalog).register(endpoints);
        new ShowTableEndpoint(catalog).register(endpoints);
        new SchemaEndpoints(catalog).register(endpoints);
        new MonitorEndpoints(catalog, monitors).register(endpoints);
        new InsertEndpoint(catalog, ranks, refusals).register(endpoints);
        new RecordEndpoints(catalog).register(endpoints);
        new AlterEndpoints(catalog).register(endpoints);
        return Map.copyOf(endpoints);
    }
}
