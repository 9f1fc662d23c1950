/**
 * A Kinetica stand-in for tests and the sandbox: {@link dev.kconnect.sandbox.kinetica.KineticaEmulator}
 * answers Kinetica's HTTP wire protocol (Avro request records, Snappy-compressed inserts, the
 * RawGpudbResponse envelope, errors as status ERROR with HTTP 400, 401 for bad credentials), so the
 * unmodified gpudb-api client runs against in-memory tables.
 *
 * <p>Emulated: /show/system/properties and /status (a single head rank: no HA, no multi-head
 * ingest), /has/permission (always granted), /create/type, /show/types, /create/table,
 * /has/table, /show/table, /clear/table (drops the table, as in Kinetica), /create/schema,
 * /has/schema, /show/schema, /alter/table and /alter/table/columns (add, change, delete column;
 * index, TTL and compression actions are accepted without effect), /insert/records (primary keys
 * enforced; update_on_existing_pk, ignore_existing_pk, truncate_strings, dry_run), /get/records
 * (binary encoding; expression, sort_by, sort_order, offset, limit up to 20,000 as
 * max_get_records_size), /delete/records (expressions, global_expression, delete_all_records),
 * /create/tablemonitor and /clear/tablemonitor (registered only: no change events are published).
 * Anything else is answered with a Kinetica error naming the endpoint.
 *
 * <p>Packages: {@code store} holds the catalog (schemas, types, tables; rows as binary records),
 * {@code filter} parses filter expressions, {@code endpoint} maps endpoints onto them.
 */
package dev.kconnect.sandbox.kinetica;
