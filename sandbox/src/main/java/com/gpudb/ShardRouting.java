package com.gpudb;

import java.util.List;

/**
 * The worker rank that gpudb-api's BulkInserter sends a record to, computed by the client's own
 * shard key code, so the Kinetica emulator judges routing exactly as the client routes. It sits
 * in gpudb-api's package only because that code (RecordKeyBuilder, RecordKey) is package-private.
 */
public final class ShardRouting {
    private final RecordKeyBuilder<GenericRecord> keys;

    public ShardRouting(Type type) {
        this.keys = new RecordKeyBuilder<>(type, null);
    }

    /** Whether the type has a shard key (explicit, or else the primary key); without one any rank takes any record. */
    public boolean hasKey() {
        return keys.hasKey();
    }

    /** The rank (1 is the first worker) that owns the shard of {@code record}, given the rank of each shard. */
    public int rank(GenericRecord record, List<Integer> shardRanks) throws GPUdbException {
        return keys.build(record).route(shardRanks) + 1;
    }
}
