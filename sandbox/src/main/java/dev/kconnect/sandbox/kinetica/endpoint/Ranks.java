package dev.kconnect.sandbox.kinetica.endpoint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The ranks of the emulated cluster: the head (rank 0) and, for multi-head ingest, worker ranks
 * 1..n, each listening on its own port. Kinetica's 16,384 shards are dealt to the worker ranks
 * in turn (all to rank 1 when no worker has its own port). Records are counted by the rank they
 * were inserted through.
 */
public final class Ranks {
    /** How many shards Kinetica has: the length of the /admin/show/shards arrays. */
    static final int SHARDS = 16384;

    private final int workers;
    private final AtomicIntegerArray ports;
    private final LongAdder[] inserted;
    private final LongAdder rerouted = new LongAdder();
    private final List<Integer> shardRanks;

    public Ranks(int workers) {
        this.workers = workers;
        this.ports = new AtomicIntegerArray(workers + 1);
        this.inserted = new LongAdder[workers + 1];
        for (int rank = 0; rank <= workers; rank++) {
            inserted[rank] = new LongAdder();
        }
        List<Integer> owners = new ArrayList<>(SHARDS);
        for (int shard = 0; shard < SHARDS; shard++) {
            owners.add(1 + shard % Math.max(1, workers));
        }
        this.shardRanks = Collections.unmodifiableList(owners);
    }

    /** Worker ranks with their own port (multi-head ingest is on when there is any). */
    public int workers() {
        return workers;
    }

    /** The port {@code rank} listens on; 0 before it is bound. */
    public int port(int rank) {
        return ports.get(rank);
    }

    public void setPort(int rank, int port) {
        ports.set(rank, port);
    }

    /** Records inserted (or updated) through {@code rank}'s port since the start. */
    public long insertedThrough(int rank) {
        return inserted[rank].sum();
    }

    /** Records that reached a worker rank not owning their shard, which Kinetica reroutes. */
    public long rerouted() {
        return rerouted.sum();
    }

    /** The rank owning each shard, indexed by shard, as /admin/show/shards reports it. */
    List<Integer> shardRanks() {
        return shardRanks;
    }

    void countInserted(int rank, long records) {
        inserted[rank].add(records);
    }

    void countRerouted(long records) {
        rerouted.add(records);
    }
}
