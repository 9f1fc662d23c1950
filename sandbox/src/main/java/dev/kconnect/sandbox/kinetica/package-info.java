/**
 * A Kinetica stand-in for tests and the sandbox: {@link dev.kconnect.sandbox.kinetica.KineticaEmulator}
 * answers Kinetica's HTTP wire protocol (Avro request records, Snappy-compressed inserts, the
 * RawGpudbResponse envelope, errors as status ERROR with HTTP 400, 401 for bad credentials), so the
 * unmodified gpudb-api client runs against in-memory tables.
 *
 * <p>Emulated: /show/system/properties and /status (no HA), /has/permission (always granted),
 * /admin/show/shards, /create/type, /show/types, /create/table (collection_name creates the
 * table's schema), /has/table, /show/table (every column's properties, sizes with get_sizes),
 * /clear/table (drops the table, as in Kinetica), /create/schema, /has/schema, /show/schema,
 * /drop/schema (cascade), /alter/table and /alter/table/columns (add, change, delete column;
 * index, TTL and compression actions are accepted without effect), /insert/records (primary keys
 * enforced; the text of date, time, datetime, decimal and uuid columns and the range of timestamp
 * columns checked, properties held to their base type, as Kinetica documents them;
 * update_on_existing_pk, ignore_existing_pk, truncate_strings, dry_run, return_individual_errors,
 * allow_partial_batch), /get/records (binary encoding; expression, sort_by, sort_order, offset,
 * limit up to 20,000 as max_get_records_size), /delete/records (expressions, global_expression,
 * delete_all_records), /create/tablemonitor, /show/tablemonitors and /clear/tablemonitor (insert
 * monitors: each insert into a monitored table is published on a ZeroMQ PUB socket, the port
 * /show/system/properties gives as conf.set_monitor_port, as a multipart message of the topic id
 * and one Avro binary frame per new row, as Kinetica documents it). An option an endpoint does not take is refused, as Kinetica refuses it.
 * Anything else is answered with a Kinetica error naming the endpoint. {@code sandbox/FIDELITY.md}
 * says, endpoint by endpoint, where the emulator differs from Kinetica.
 *
 * <p>Multi-head ingest, when the builder asks for worker ranks: each worker rank listens on a port
 * of its own and serves every endpoint over the same tables; /show/system/properties lists the
 * rank URLs (conf.worker_http_server_urls) so gpudb-api's WorkerList finds them, and
 * /admin/show/shards deals the 16,384 shards to the worker ranks in turn. A worker finds each
 * record's shard with gpudb-api's own shard key code ({@code com.gpudb.ShardRouting}); records of
 * another rank's shard are stored all the same, answered with "data_rerouted" (which gpudb-api's
 * BulkInserter expects of Kinetica) and counted. Records are counted by the rank they came
 * through. Without worker ranks the head alone answers and reports multi-head ingest off.
 *
 * <p>Packages: {@code store} holds the catalog (schemas, types, tables; rows as binary records),
 * {@code filter} parses filter expressions, {@code endpoint} maps endpoints onto them, {@code monitor}
 * holds the table monitors and publishes what they see.
 */
package dev.kconnect.sandbox.kinetica;
