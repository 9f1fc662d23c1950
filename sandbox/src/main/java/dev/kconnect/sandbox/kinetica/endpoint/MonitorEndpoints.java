package dev.kconnect.sandbox.kinetica.endpoint;

import com.gpudb.protocol.ClearTableMonitorRequest;
import com.gpudb.protocol.ClearTableMonitorResponse;
import com.gpudb.protocol.CreateTableMonitorRequest;
import com.gpudb.protocol.CreateTableMonitorResponse;
import com.gpudb.protocol.ShowTableMonitorsRequest;
import com.gpudb.protocol.ShowTableMonitorsResponse;
import dev.kconnect.sandbox.kinetica.monitor.TableMonitors;
import dev.kconnect.sandbox.kinetica.store.Catalog;
import dev.kconnect.sandbox.kinetica.store.KineticaError;
import dev.kconnect.sandbox.kinetica.store.Table;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Table monitors of inserts: /create/tablemonitor, /show/tablemonitors, /clear/tablemonitor. The
 * inserts themselves go out on the monitor port ({@link TableMonitors}). Update and delete monitors,
 * data sinks, filters and periodic refreshes are refused as not emulated rather than ignored.
 */
final class MonitorEndpoints {
    /** Options that change what a monitor publishes or where: taken by Kinetica, not emulated. */
    private static final Set<String> NOT_EMULATED = Set.of(CreateTableMonitorRequest.Options.DATASINK_NAME,
            CreateTableMonitorRequest.Options.DESTINATION, CreateTableMonitorRequest.Options.KAFKA_TOPIC_NAME,
            CreateTableMonitorRequest.Options.INCREASING_COLUMN, CreateTableMonitorRequest.Options.EXPRESSION,
            CreateTableMonitorRequest.Options.REFRESH_METHOD, CreateTableMonitorRequest.Options.REFRESH_PERIOD,
            CreateTableMonitorRequest.Options.REFRESH_START_TIME);

    private final Catalog catalog;
    private final TableMonitors monitors;

    MonitorEndpoints(Catalog catalog, TableMonitors monitors) {
        this.catalog = catalog;
        this.monitors = monitors;
    }

    void register(Map<String, Endpoint> endpoints) {
        endpoints.put("/create/tablemonitor", this::createMonitor);
        endpoints.put("/clear/tablemonitor", this::clearMonitor);
        endpoints.put("/show/tablemonitors", this::showMonitors);
    }

    private CreateTableMonitorResponse createMonitor(Call call) {
        CreateTableMonitorRequest request = call.decode(new CreateTableMonitorRequest());
        Map<String, String> options = request.getOptions();
        for (String key : options.keySet()) {
            if (NOT_EMULATED.contains(key)) {
                throw new KineticaError("Option '" + key + "' of /create/tablemonitor is not emulated");
            }
        }
        String event = Options.get(options, CreateTableMonitorRequest.Options.EVENT, CreateTableMonitorRequest.Options.INSERT);
        if (!event.equals(CreateTableMonitorRequest.Options.INSERT)) {
            throw new KineticaError("Table monitor event '" + event + "' is not emulated (only insert)");
        }
        Table table = catalog.table(request.getTableName());
        String schema = table.type().definition();
        TableMonitors.Monitor monitor = monitors.create(table.name(), schema,
                options.get(CreateTableMonitorRequest.Options.MONITOR_ID));
        return new CreateTableMonitorResponse()
                .setTopicId(monitor.id())
                .setTableName(table.name())
                .setTypeSchema(schema)
                .setInfo(Map.of(CreateTableMonitorResponse.Info.INSERT_TOPIC_ID, monitor.id(),
                        CreateTableMonitorResponse.Info.INSERT_TYPE_SCHEMA, schema,
                        CreateTableMonitorResponse.Info.UPDATE_TOPIC_ID, "",
                        CreateTableMonitorResponse.Info.DELETE_TOPIC_ID, ""));
    }

    private ClearTableMonitorResponse clearMonitor(Call call) {
        ClearTableMonitorRequest request = call.decode(new ClearTableMonitorRequest());
        if (monitors.clear(request.getTopicId()).isEmpty()) {
            throw new KineticaError("Table monitor '" + request.getTopicId() + "' does not exist");
        }
        return new ClearTableMonitorResponse().setTopicId(request.getTopicId()).setInfo(Map.of());
    }

    private ShowTableMonitorsResponse showMonitors(Call call) {
        ShowTableMonitorsRequest request = call.decode(new ShowTableMonitorsRequest());
        List<TableMonitors.Monitor> shown = monitors.show(request.getMonitorIds());
        int n = shown.size();
        return new ShowTableMonitorsResponse()
                .setMonitorIds(shown.stream().map(TableMonitors.Monitor::id).toList())
                .setTableNames(shown.stream().map(TableMonitors.Monitor::table).toList())
                .setEvents(Collections.nCopies(n, CreateTableMonitorRequest.Options.INSERT))
                .setIncreasingColumns(Collections.nCopies(n, ""))
                .setFilterExpressions(Collections.nCopies(n, ""))
                .setRefreshMethod(Collections.nCopies(n, CreateTableMonitorRequest.Options.ON_CHANGE))
                .setRefreshPeriod(Collections.nCopies(n, ""))
                .setRefreshStartTime(Collections.nCopies(n, ""))
                .setDatasinkNames(Collections.nCopies(n, ""))
                .setAdditionalInfo(shown.stream().map(m -> Map.of(
                        ShowTableMonitorsResponse.AdditionalInfo.MONITOR_TYPE, CreateTableMonitorRequest.Options.INSERT,
                        ShowTableMonitorsResponse.AdditionalInfo.TYPE_SCHEMA, m.typeSchema(),
                        ShowTableMonitorsResponse.AdditionalInfo.REFERENCES, "1")).toList())
                .setInfo(Map.of());
    }
}
