package dev.kconnect.sandbox.kinetica.endpoint;

import com.gpudb.protocol.DeleteRecordsRequest;
import com.gpudb.protocol.DeleteRecordsResponse;
import com.gpudb.protocol.GetRecordsRequest;
import com.gpudb.protocol.RawGetRecordsResponse;
import dev.kconnect.sandbox.kinetica.filter.Filter;
import dev.kconnect.sandbox.kinetica.filter.Filters;
import dev.kconnect.sandbox.kinetica.filter.Values;
import dev.kconnect.sandbox.kinetica.store.Catalog;
import dev.kconnect.sandbox.kinetica.store.KineticaError;
import dev.kconnect.sandbox.kinetica.store.Table;
import dev.kconnect.sandbox.kinetica.store.TableType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** /get/records and /delete/records. */
final class RecordEndpoints {
    private final Catalog catalog;

    RecordEndpoints(Catalog catalog) {
        this.catalog = catalog;
    }

    void register(Map<String, Endpoint> endpoints) {
        endpoints.put("/get/records", this::get);
        endpoints.put("/delete/records", this::delete);
    }

    private RawGetRecordsResponse get(Call call) {
        GetRecordsRequest request = call.decode(new GetRecordsRequest());
        Map<String, String> options = request.getOptions();
        if (!"binary".equalsIgnoreCase(request.getEncoding())) {
            throw new KineticaError("Unsupported encoding '" + request.getEncoding()
                    + "' (the emulator answers binary records)");
        }
        if (request.getOffset() < 0) {
            throw new KineticaError("Offset must be >= 0, not " + request.getOffset());
        }
        Table table = catalog.table(request.getTableName());
        TableType current = table.type();
        Filter filter = Filters.parse(Options.get(options, "expression", ""), current);
        String sortBy = Options.get(options, "sort_by", "");
        int sortColumn = sortBy.isEmpty() ? -1 : current.position(sortBy);
        if (!sortBy.isEmpty() && sortColumn < 0) {
            throw new KineticaError("Unknown sort_by column '" + sortBy + "'");
        }
        boolean descending = sortColumn >= 0 && descending(options);
        int offset = (int) Math.min(request.getOffset(), Integer.MAX_VALUE);
        int limit = (int) (request.getLimit() < 0 ? SystemEndpoints.MAX_GET_RECORDS_SIZE
                : Math.min(request.getLimit(), SystemEndpoints.MAX_GET_RECORDS_SIZE));
        List<Table.Row> page;
        long total;
        TableType read;
        // paging on a range of the sort column, as a source does: through the column's sorted order, no scan
        if (sortColumn >= 0 && !descending && filter.key() == null && SortedPaging.applies(filter, sortColumn)) {
            SortedPaging paging = new SortedPaging(filter, sortColumn, offset, limit);
            read = table.readSorted(sortColumn, Values::compareNullsFirst, paging);
            page = paging.rows();
            total = paging.total();
        } else {
            Paging paging = new Paging(sortColumn < 0 ? null : order(sortColumn, descending), offset, limit);
            BitSet columns = filter.columns();
            if (sortColumn >= 0) {
                columns.set(sortColumn);
            }
            read = table.scan(filter.test(), columns, filter.key(), paging);
            page = paging.rows();
            total = paging.total();
        }
        if (read != current) {
            throw new KineticaError("Table '" + table.name() + "' was altered during the read; retry");
        }
        List<ByteBuffer> encoded = new ArrayList<>(page.size());
        for (Table.Row row : page) {
            encoded.add(row.bytes());
        }
        return new RawGetRecordsResponse()
                .setTableName(request.getTableName())
                .setTypeName(current.id())
                .setTypeSchema(current.definition())
                .setRecordsBinary(encoded)
                .setRecordsJson(List.of())
                .setTotalNumberOfRecords(total)
                .setHasMoreRecords(request.getOffset() + page.size() < total)
                .setInfo(Map.of());
    }

    private static boolean descending(Map<String, String> options) {
        String direction = Options.get(options, "sort_order", "ascending").toLowerCase(Locale.ROOT);
        if (!direction.equals("ascending") && !direction.equals("descending")) {
            throw new KineticaError("Invalid sort_order '" + direction + "' (ascending or descending)");
        }
        return direction.equals("descending");
    }

    /** The order of the sort column's values, nulls first when ascending. */
    private static Comparator<Object[]> order(int position, boolean descending) {
        Comparator<Object[]> order = (a, b) -> Values.compareNullsFirst(a[position], b[position]);
        return descending ? order.reversed() : order;
    }

    private DeleteRecordsResponse delete(Call call) {
        DeleteRecordsRequest request = call.decode(new DeleteRecordsRequest());
        Map<String, String> options = request.getOptions();
        Table table = catalog.table(request.getTableName());
        TableType type = table.type();
        List<Long> counts = new ArrayList<>();
        if (Options.flag(options, "delete_all_records")) {
            counts.add(table.delete(Table.ALL, new BitSet(), null));
        } else {
            if (request.getExpressions().isEmpty() || options.containsKey("record_id")) {
                throw new KineticaError("Give expressions (or delete_all_records); record_id is not supported");
            }
            Filter global = Filters.parse(Options.get(options, "global_expression", ""), type);
            List<Filter> filters = new ArrayList<>();
            for (String expression : request.getExpressions()) {
                if (expression.isBlank()) {
                    throw new KineticaError("Delete expressions must not be empty; use delete_all_records");
                }
                filters.add(global.and(Filters.parse(expression, type)));
            }
            for (Filter filter : filters) {
                counts.add(table.delete(filter.test(), filter.columns(), filter.key()));
            }
        }
        return new DeleteRecordsResponse()
                .setCountDeleted(counts.stream().mapToLong(Long::longValue).sum())
                .setCountsDeleted(counts)
                .setInfo(Map.of());
    }
}
