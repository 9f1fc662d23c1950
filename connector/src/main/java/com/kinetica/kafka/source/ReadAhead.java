package com.kinetica.kafka.source;

import com.gpudb.GPUdb;
import com.gpudb.GPUdbException;
import com.gpudb.protocol.GetRecordsRequest;
import com.gpudb.protocol.RawGetRecordsResponse;
import com.kinetica.kafka.convert.KineticaRowConverter;
import org.apache.kafka.connect.data.Struct;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * The next page of a table, asked of Kinetica on the task's background thread while Connect sends
 * the page before it, and decoded there when it comes in the table's current type. A page asked
 * for and not used is dropped: records carry the offsets, pages do not.
 */
final class ReadAhead {
    /**
     * A page of rows as Kinetica answered it and, when read ahead in the table's current type, its
     * rows decoded and their value structs, made by {@code decodedBy}; otherwise those are null.
     */
    record Page(RawGetRecordsResponse response, KineticaRowConverter decodedBy, List<Object[]> rows,
                List<Struct> values) {
        static Page raw(RawGetRecordsResponse response) {
            return new Page(response, null, null, null);
        }
    }

    /** Turns a response into a page on the background thread. */
    interface Decoding {
        Page decode(RawGetRecordsResponse response) throws GPUdbException;
    }

    private final GPUdb gpudb;
    private final String table;
    private final ExecutorService background;
    private Future<Page> ahead;
    private ReadCriteria.Query aheadQuery;

    ReadAhead(GPUdb gpudb, String table, ExecutorService background) {
        this.gpudb = gpudb;
        this.table = table;
        this.background = background;
    }

    /** Whether the page of {@code query} has been asked for. */
    boolean has(ReadCriteria.Query query) {
        return query.equals(aheadQuery);
    }

    void ask(ReadCriteria.Query query, GetRecordsRequest request, Decoding decoding) {
        try {
            ahead = background.submit(() -> decoding.decode(gpudb.getRecordsRaw(request)));
            aheadQuery = query;
        } catch (RejectedExecutionException e) {
            // the task is stopping (Connect stops it from another thread): the next read, if any, asks itself
        }
    }

    /** Forgets a page asked for ahead that the next query no longer wants. */
    void drop() {
        if (ahead != null) {
            ahead.cancel(false);
            ahead = null;
            aheadQuery = null;
        }
    }

    /** The page asked for ahead, or the failure asking for it met. */
    Page await() throws GPUdbException {
        Future<Page> page = ahead;
        ahead = null;
        aheadQuery = null;
        try {
            return page.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof GPUdbException g ? g
                    : new GPUdbException("reading table '" + table + "' failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GPUdbException("interrupted while reading table '" + table + "'", e);
        }
    }
}
