package dev.kconnect.sandbox.kinetica.endpoint;

import com.gpudb.Avro;
import com.gpudb.GPUdbException;
import com.gpudb.GenericRecord;
import com.gpudb.ShardRouting;
import com.gpudb.Type;
import com.gpudb.protocol.InsertRecordsResponse;
import com.gpudb.protocol.RawInsertRecordsRequest;
import dev.kconnect.sandbox.kinetica.store.Catalog;
import dev.kconnect.sandbox.kinetica.store.KineticaError;
import dev.kconnect.sandbox.kinetica.store.Table;
import dev.kconnect.sandbox.kinetica.store.TableType;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * /insert/records with the options Kinetica 7.1 documents: update_on_existing_pk (upsert),
 * ignore_existing_pk, truncate_strings, dry_run, and the two that report bad records one by one
 * in the answer's info ({@code bad_record_indices}, {@code error_N}) instead of failing the call:
 * return_individual_errors (the batch is still all or nothing) and allow_partial_batch (the good
 * records go in; it implies the individual report).
 */
final class InsertEndpoint {
    private final Catalog catalog;
    private final Ranks ranks;
    private final Refusals refusals;

    InsertEndpoint(Catalog catalog, Ranks ranks, Refusals refusals) {
        this.catalog = catalog;
        this.ranks = ranks;
        this.refusals = refusals;
    }

    void register(Map<String, Endpoint> endpoints) {
        endpoints.put("/insert/records", this::insert);
    }

    private InsertRecordsResponse insert(Call call) {
        RawInsertRecordsRequest request = call.decode(new RawInsertRecordsRequest());
        Map<String, String> options = request.getOptions();
        String encoding = request.getListEncoding();
        if (encoding != null && !encoding.isEmpty() && !"binary".equalsIgnoreCase(encoding)) {
            throw new KineticaError("Unsupported list_encoding '" + request.getListEncoding()
                    + "' (the emulator accepts binary records)");
        }
        boolean partial = Options.flag(options, "allow_partial_batch");
        boolean individually = partial || Options.flag(options, "return_individual_errors");
        Table table = catalog.table(request.getTableName());
        TableType type = table.type();
        Records records = Records.check(type, request.getList(), refusals,
                Options.flag(options, "truncate_strings"), individually);
        Table.OnExistingKey mode = Options.flag(options, "update_on_existing_pk") ? Table.OnExistingKey.UPDATE
                : Options.flag(options, "ignore_existing_pk") ? Table.OnExistingKey.IGNORE
                : partial ? Table.OnExistingKey.REJECT : Table.OnExistingKey.ERROR;
        boolean dryRun = Options.flag(options, "dry_run");
        if (mode == Table.OnExistingKey.ERROR && (individually || dryRun)) {
            // nothing goes in when a record is bad: find every bad one first
            table.collisions(records.rows()).forEach(i -> records.refuse(i, collision(table)));
        }
        if (dryRun || !partial && records.anyRefused()) {
            if (!individually && records.anyRefused()) {
                throw new KineticaError(records.firstProblem());
            }
            return answer(dryRun ? records.fit() : 0, 0, records.report());
        }
        long rerouted = call.rank() == 0 ? 0 : misrouted(type, records.bytes(), call.rank());
        Table.InsertCount count = table.insert(type, records.rows(), mode);
        count.rejected().forEach(i -> records.refuse(i, collision(table)));
        ranks.countInserted(call.rank(), records.bytes().size());
        ranks.countRerouted(rerouted);
        Map<String, String> info = records.report();
        if (rerouted > 0) {
            info.put("data_rerouted", "true");   // as Kinetica: a worker passes records of other ranks' shards on
        }
        return answer(count.inserted(), count.updated(), info);
    }

    private static String collision(Table table) {
        return "Record has a primary key value that already exists in table '" + table.name() + "'";
    }

    private static InsertRecordsResponse answer(int inserted, int updated, Map<String, String> info) {
        return new InsertRecordsResponse()
                .setRecordIds(List.of())
                .setCountInserted(inserted)
                .setCountUpdated(updated)
                .setInfo(info);
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
}
