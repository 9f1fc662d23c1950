package com.kinetica.kafka.source;

import com.gpudb.GPUdb;
import com.gpudb.GPUdbException;
import com.gpudb.Type;
import com.gpudb.protocol.GetRecordsRequest;
import com.gpudb.protocol.RawGetRecordsResponse;
import com.kinetica.kafka.config.KineticaSourceConfig;
import com.kinetica.kafka.config.ReadMode;
import com.kinetica.kafka.convert.KineticaRowConverter;
import com.kinetica.kafka.convert.RowDecoder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Reads one table in the order of its {@link ReadColumns}, a page per call, and turns the rows
 * into source records carrying the table's offset. Re-reads the table's type when Kinetica
 * answers with another one (a column added or dropped). While the table has more rows than a
 * page, the next page is asked for in the background as soon as this one is read, and its rows
 * are decoded into structs there too, so Kinetica answers and the rows are decoded while Connect
 * converts and sends this page; a page asked for and not used is dropped, and only records handed
 * over carry offsets.
 */
public final class TableReader {
    private static final Logger log = LoggerFactory.getLogger(TableReader.class);

    private final GPUdb gpudb;
    private final String table;
    private final KineticaSourceConfig config;
    private final String topic;
    private final Map<String, String> partition;
    private String typeSchema;
    /** A differently written type schema string seen to decode like {@link #typeSchema}. */
    private String lastSeenSchema;
    private Type type;
    private KineticaRowConverter converter;
    private RowDecoder decoder;
    /** The decoder of pages read ahead, used on the background thread only. */
    private RowDecoder aheadDecoder;
    private ReadColumns columns;
    private int timestampIndex;
    private int incrementingIndex;
    private ReadCriteria criteria;
    /** The next page, asked for while Connect sends this one. */
    private final ReadAhead ahead;
    /** Whether the last read came back full: the table may have more rows right away. */
    private boolean lastReadFull;

    /**
     * Looks the table up and finds where to start.
     *
     * @param stored     the table's stored offset, or null when there is none
     * @param background where the next page is asked for while the task sends this one
     * @throws ConnectException when the table or a configured column does not exist
     * @throws GPUdbException   when Kinetica cannot be asked
     */
    public TableReader(GPUdb gpudb, String table, KineticaSourceConfig config, Map<String, Object> stored,
                       ExecutorService background) throws GPUdbException {
        this.gpudb = gpudb;
        this.table = table;
        this.ahead = new ReadAhead(gpudb, table, background);
        this.config = config;
        this.topic = TopicNames.topic(config.topicPrefix(), table);
        this.partition = SourceOffset.partition(table);
        TableTypes.checkExists(gpudb, table);
        loadType();
        SourceOffset start = stored == null ? null : SourceOffset.fromMap(stored);
        if (start == null) {
            start = config.startAtLatest() ? latest() : SourceOffset.START;
        }
        criteria = new ReadCriteria(columns, config.batchSize(), start);
        log.info("Reading table '{}' into topic '{}' in {} mode from {}", table, topic, columns.mode().configValue(), start);
    }

    public String table() {
        return table;
    }

    /** The Kafka topic of the table's records. */
    public String topic() {
        return topic;
    }

    /** The most rows a read asks for. */
    public int batchSize() {
        return config.batchSize();
    }

    /** The next rows of the table, possibly none. */
    public List<SourceRecord> poll() throws GPUdbException {
        List<SourceRecord> records = List.of();
        // a read may send nothing only because it started or finished paging one timestamp's rows:
        // then the next query is a different one, worth asking now rather than a poll interval later
        for (int reads = 0; reads < 3 && records.isEmpty(); reads++) {
            boolean paging = criteria.pagingOneTime();
            records = read();
            if (criteria.pagingOneTime() == paging) {
                break;
            }
        }
        return records;
    }

    private List<SourceRecord> read() throws GPUdbException {
        ReadCriteria.Query query = criteria.next();
        ReadAhead.Page page;
        if (ahead.has(query)) {
            page = ahead.await();
        } else {
            ahead.drop();
            page = ReadAhead.Page.raw(gpudb.getRecordsRaw(request(query.expression(), query.sortBy(), "ascending",
                    query.offset(), query.limit())));
        }
        RawGetRecordsResponse response = checked(page.response());
        // decoded ahead only when the page came in the type of the time, which checked() then kept
        boolean decoded = page.decodedBy() == converter;
        List<Object[]> rows = decoded ? page.rows() : decode(decoder, response.getRecordsBinary());
        List<SourceOffset> positions = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            positions.add(position(row));
        }
        boolean more = response.getHasMoreRecords() || rows.size() >= query.limit();
        lastReadFull = more;
        List<ReadCriteria.Emit> emits = criteria.accept(positions, more);
        if (more) {
            askAhead(criteria.next());
        }
        return records(emits, decoded ? page.values() : null, rows);
    }

    /** Whether the last read came back full, so that the table may hold more rows than were read. */
    public boolean lastReadFull() {
        return lastReadFull;
    }

    /**
     * Records of rows a table monitor published (Avro binary of the table's type), in the order of
     * the read columns, leaving out those at or before the table's offset (sent already).
     *
     * @return null when the rows cannot be taken as they are: another type than the table's (its
     * columns changed), or the rows of one timestamp being paged; a read finds them instead
     */
    public List<SourceRecord> pushed(List<ByteBuffer> published) {
        List<Object[]> rows = new ArrayList<>(published.size());
        try {
            for (ByteBuffer row : published) {
                rows.add(decoder.decodeWhole(row));
            }
        } catch (IOException | RuntimeException e) {
            log.info("Rows published for table '{}' are not of its known type; reading it instead: {}", table,
                    e.toString());
            return null;
        }
        List<SourceOffset> positions = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            positions.add(position(row));
        }
        List<ReadCriteria.Emit> emits = criteria.acceptPushed(positions);
        return emits == null ? null : records(emits, null, rows);
    }

    private List<SourceRecord> records(List<ReadCriteria.Emit> emits, List<Struct> values, List<Object[]> rows) {
        List<SourceRecord> records = new ArrayList<>(emits.size());
        for (ReadCriteria.Emit emit : emits) {
            Struct value = values != null ? values.get(emit.index()) : converter.value(rows.get(emit.index()));
            records.add(new SourceRecord(partition, emit.offset().toMap(), topic, null,
                    converter.keySchema(), converter.key(value), converter.valueSchema(), value));
        }
        return records;
    }

    private void askAhead(ReadCriteria.Query query) {
        String schema = typeSchema;
        KineticaRowConverter rowConverter = converter;
        RowDecoder rowDecoder = aheadDecoder;
        ahead.ask(query, request(query.expression(), query.sortBy(), "ascending", query.offset(), query.limit()),
                response -> {
                    if (!schema.equals(response.getTypeSchema())) {
                        return ReadAhead.Page.raw(response); // another type: the task thread looks at it
                    }
                    List<Object[]> rows = decode(rowDecoder, response.getRecordsBinary());
                    List<Struct> values = new ArrayList<>(rows.size());
                    for (Object[] row : rows) {
                        values.add(rowConverter.value(row));
                    }
                    return new ReadAhead.Page(response, rowConverter, rows, values);
                });
    }

    /** Asks Kinetica for rows, re-reading the table's type first when it has changed. */
    private RawGetRecordsResponse fetch(String expression, String sortBy, String order, long offset, int limit)
            throws GPUdbException {
        return checked(gpudb.getRecordsRaw(request(expression, sortBy, order, offset, limit)));
    }

    private GetRecordsRequest request(String expression, String sortBy, String order, long offset, int limit) {
        Map<String, String> options = new HashMap<>();
        if (!expression.isEmpty()) {
            options.put(GetRecordsRequest.Options.EXPRESSION, expression);
        }
        options.put(GetRecordsRequest.Options.SORT_BY, sortBy);
        options.put(GetRecordsRequest.Options.SORT_ORDER, order);
        return new GetRecordsRequest(table, offset, limit, GetRecordsRequest.Encoding.BINARY, options);
    }

    /** The response, after re-reading the table's type when the rows are of another one. */
    private RawGetRecordsResponse checked(RawGetRecordsResponse response) throws GPUdbException {
        if (!response.getRecordsBinary().isEmpty() && !sameType(response.getTypeSchema())) {
            log.info("Table '{}' changed its columns; reading its type again", table);
            loadType();
            if (!sameType(response.getTypeSchema())) {
                // changed again in between: the next poll asks again
                throw new GPUdbException("the columns of table '" + table + "' changed while it was read");
            }
        }
        return response;
    }

    private List<Object[]> decode(RowDecoder decoder, List<ByteBuffer> binary) throws GPUdbException {
        List<Object[]> rows = new ArrayList<>(binary.size());
        try {
            for (ByteBuffer row : binary) {
                rows.add(decoder.decode(row));
            }
        } catch (IOException | RuntimeException e) {
            throw new GPUdbException("cannot decode a row of table '" + table + "': " + e.getMessage(), e);
        }
        return rows;
    }

    /** Whether rows of {@code schema} decode with the current type (same columns, same Avro types). */
    private boolean sameType(String schema) {
        if (schema.equals(typeSchema) || schema.equals(lastSeenSchema)) {
            return true;
        }
        boolean same = new Type(schema).getSchema().equals(type.getSchema());
        if (same) {
            lastSeenSchema = schema;
        }
        return same;
    }

    private void loadType() throws GPUdbException {
        TableTypes.Described described = TableTypes.describe(gpudb, table);
        typeSchema = described.typeSchema();
        type = described.type();
        ReadMode mode = config.mode(table);
        ReadColumns resolved = ReadColumns.resolve(table, type, mode,
                config.incrementingColumn(table), config.timestampColumn(table));
        if (columns != null && !columns.equals(resolved)) {
            throw new ConnectException("Table '" + table + "' changed so that it is now read as " + resolved
                    + " instead of " + columns + "; restart the connector to start over with the new columns");
        }
        columns = resolved;
        timestampIndex = columns.timestamp() == null ? -1 : type.getColumnIndex(columns.timestamp());
        incrementingIndex = columns.incrementing() == null ? -1 : type.getColumnIndex(columns.incrementing());
        converter = new KineticaRowConverter(type, TopicNames.schemaName(table), config.schemaVersion(table));
        decoder = new RowDecoder(type);
        aheadDecoder = new RowDecoder(type);
    }

    /** Where the table ends now, for a start at the latest row: the last row in reading order. */
    private SourceOffset latest() throws GPUdbException {
        String column = columns.mode() == ReadMode.INCREMENTING ? columns.incrementing() : columns.timestamp();
        RawGetRecordsResponse response = fetch("", column, "descending", 0, 1);
        List<Object[]> rows = decode(decoder, response.getRecordsBinary());
        if (rows.isEmpty()) {
            return SourceOffset.START;
        }
        SourceOffset last = position(rows.get(0));
        // with timestamp+incrementing, later rows of the same time are not "new": start after that time
        return columns.mode() == ReadMode.TIMESTAMP_INCREMENTING ? new SourceOffset(last.timestamp(), null) : last;
    }

    private SourceOffset position(Object[] row) {
        Long timestamp = null;
        if (timestampIndex >= 0) {
            timestamp = columns.timestampKind().epochMillis(row[timestampIndex]);
        }
        Long incrementing = incrementingIndex < 0 ? null : ((Number) row[incrementingIndex]).longValue();
        return new SourceOffset(timestamp, incrementing);
    }
}
