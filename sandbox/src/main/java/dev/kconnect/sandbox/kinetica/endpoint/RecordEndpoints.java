package dev.kconnect.sandbox.kinetica.endpoint;

import com.gpudb.Avro;
import com.gpudb.GPUdbException;
import com.gpudb.GenericRecord;
import com.gpudb.ShardRouting;
import com.gpudb.Type;
import com.gpudb.protocol.DeleteRecordsRequest;
import com.gpudb.protocol.DeleteRecordsResponse;
import com.gpudb.protocol.GetRecordsRequest;
import com.gpudb.protocol.InsertRecordsResponse;
import com.gpudb.protocol.RawGetRecordsResponse;
import com.gpudb.protocol.RawInsertRecordsRequest;
import dev.kconnect.sandbox.kinetica.filter.Filter;
import dev.kconnect.sandbox.kinetica.filter.Filters;
import dev.kconnect.sandbox.kinetica.filter.Values;
import dev.kconnect.sandbox.kinetica.store.Catalog;
import dev.kconnect.sandbox.kinetica.store.Column;
import dev.kconnect.sandbox.kinetica.store.KineticaError;
import dev.kconnect.sandbox.kinetica.store.RowCodec;
import dev.kconnect.sandbox.kinetica.store.Table;
import dev.kconnect.sandbox.kinetica.store.TableType;
import org.apache.avro.io.BinaryDecoder;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** /insert/records, /get/records and /delete/records. */
final class RecordEndpoints {
    private final Catalog catalog;
    private final Ranks ranks;
    private final Refusals refusals;

    RecordEndpoints(Catalog catalog, Ranks ranks, Refusals refusals) {
        this.catalog = catalog;
        this.ranks = ranks;
        this.refusals = refusals;
    }

    void register(Map<String, Endpoint> endpoints) {
        endpoints.put("/insert/records", this::insert);
        endpoints.put("/get/records", this::get);
        endpoints.put("/delete/records", this::delete);
    }

    private InsertRecordsResponse insert(Call call) {
        RawInsertRecordsRequest request = call.decode(new RawInsertRecordsRequest());
        Map<String, String> options = request.getOptions();
        String encoding = request.getListEncoding();
        if (encoding != null && !encoding.isEmpty() && !"binary".equalsIgnoreCase(encoding)) {
            throw new KineticaError("Unsupported list_encoding '" + request.getListEncoding()
                    + "' (the emulator accepts binary records)");
        }
        Table table = catalog.table(request.getTableName());
        TableType type = table.type();
        refusals.check(type, request.getList());
        List<Table.NewRow> rows = decode(type, request.getList(), Options.flag(options, "truncate_strings"));
        Table.OnExistingKey mode = Options.flag(options, "update_on_existing_pk") ? Table.OnExistingKey.UPDATE
                : Options.flag(options, "ignore_existing_pk") ? Table.OnExistingKey.IGNORE
                : Table.OnExistingKey.ERROR;
        if (Options.flag(options, "dry_run")) {
            return new InsertRecordsResponse().setCountInserted(rows.size()).setCountUpdated(0).setInfo(Map.of());
        }
        long rerouted = call.rank() == 0 ? 0 : misrouted(type, request.getList(), call.rank());
        Table.InsertCount count = table.insert(type, rows, mode);
        ranks.countInserted(call.rank(), rows.size());
        ranks.countRerouted(rerouted);
        return new InsertRecordsResponse()
                .setRecordIds(List.of())
                .setCountInserted(count.inserted())
                .setCountUpdated(count.updated())
                // as Kinetica: a worker passes records of other ranks' shards on, and says so
                .setInfo(rerouted > 0 ? Map.of("data_rerouted", "true") : Map.of());
    }

    /** How many of the records sent to worker {@code rank} belong to shards of other ranks. */
    private long misrouted(TableType type, List<ByteBuffer> records, int rank) {
        Type clientType = new Type(type.label(), type.definition(), type.properties());
        ShardRouting routing = new ShardRouting(clientType);
        if (!routing.hasKey()) {
            return 0;   // no shard key: the records of a randomly sharded table may go to any rank
        }
        try {
            List<GenericRecord> decoded = Avro.decode(clientType, records);
            long misrouted = 0;
            for (GenericRecord record : decoded) {
                if (routing.rank(record, ranks.shardRanks()) != rank) {
                    misrouted++;
                }
            }
            return misrouted;
        } catch (GPUdbException e) {
            throw new KineticaError("Cannot compute the shard of a record: " + e.getMessage());
        }
    }

    /** Checks each record against the type and takes its key; only a record with a maybe too long charN value is decoded. */
    private static List<Table.NewRow> decode(TableType type, List<ByteBuffer> records, boolean truncate) {
        RowCodec codec = type.codec();
        int keyLength = type.primaryKey().length;
        BinaryDecoder[] reuse = new BinaryDecoder[1];
        List<Table.NewRow> rows = new ArrayList<>(records.size());
        for (ByteBuffer record : records) {
            RowCodec.Scan scan = codec.scan(record, reuse, keyLength);
            rows.add(scan.mayBeTooLong() ? checkLengths(type, codec.decode(record, reuse), truncate)
                    : new Table.NewRow(scan.key(), bytes(record)));
        }
        return rows;
    }

    private static Table.NewRow checkLengths(TableType type, Object[] values, boolean truncate) {
        List<Column> columns = type.columns();
        for (int i = 0; i < values.length; i++) {
            int max = columns.get(i).charLength();
            if (max > 0 && values[i] instanceof String value && value.length() > max) {
                if (!truncate) {
                    throw new KineticaError("Value '" + value + "' is too long for column '"
                            + columns.get(i).name() + "' (char" + max + "); use option truncate_strings");
                }
                values[i] = value.substring(0, max);
            }
        }
        return new Table.NewRow(type.keyOf(values), type.codec().encode(values));
    }

    /** The record's bytes, without copying when the buffer is exactly one array (as Avro decodes them). */
    private static byte[] bytes(ByteBuffer record) {
        if (record.hasArray() && record.arrayOffset() == 0 && record.position() == 0
                && record.remaining() == record.array().length) {
            return record.array();
        }
        byte[] bytes = new byte[record.remaining()];
        record.duplicate().get(bytes);
        return bytes;
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
