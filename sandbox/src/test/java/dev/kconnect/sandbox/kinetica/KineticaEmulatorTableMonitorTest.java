package dev.kconnect.sandbox.kinetica;

import com.gpudb.Avro;
import com.gpudb.ColumnProperty;
import com.gpudb.GPUdb;
import com.gpudb.GPUdbBase;
import com.gpudb.GPUdbException;
import com.gpudb.GenericRecord;
import com.gpudb.Type;
import com.gpudb.protocol.CreateTableMonitorResponse;
import com.gpudb.protocol.InsertRecordsRequest;
import com.gpudb.protocol.ShowTableMonitorsResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZFrame;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Table monitors read the way Kinetica's documentation and its original Kafka connector read them:
 * the port from /show/system/properties (conf.set_monitor_port), a ZeroMQ SUB socket on the topic
 * id, a multipart message per insert whose first frame is the topic id and each further frame one
 * row, Avro binary decoded with the type schema /create/tablemonitor answered.
 */
class KineticaEmulatorTableMonitorTest {
    static final AtomicInteger TABLES = new AtomicInteger();
    static final Type TYPE = new Type("events",
            new Type.Column("id", Long.class, ColumnProperty.PRIMARY_KEY),
            new Type.Column("name", String.class, ColumnProperty.NULLABLE));

    @AutoClose
    static final KineticaEmulator emu = KineticaEmulator.builder().port(0).start();
    static final GPUdb db = Clients.direct(emu.url());
    @AutoClose
    final ZContext zmq = new ZContext();

    @AfterEach
    void clearMonitors() throws GPUdbException {
        emu.faults().reset();
        for (String id : emu.tableMonitorIds()) {
            db.clearTableMonitor(id, Map.of());
        }
    }

    static String newTable() throws GPUdbException {
        String table = "m" + TABLES.incrementAndGet();
        db.createTable(table, TYPE.create(db), Map.of());
        return table;
    }

    static void insert(String table, Map<String, String> options, long... ids) throws GPUdbException {
        List<GenericRecord> rows = new ArrayList<>();
        for (long id : ids) {
            GenericRecord row = new GenericRecord(TYPE);
            row.put("id", id);
            row.put("name", "n" + id);
            rows.add(row);
        }
        db.insertRecords(table, rows, options);
    }

    /** As the original connector: tcp://host of the URL:conf.set_monitor_port, subscribed to the topic. */
    ZMQ.Socket subscribe(String... topics) throws GPUdbException {
        String port = db.showSystemProperties(GPUdbBase.options()).getPropertyMap().get("conf.set_monitor_port");
        ZMQ.Socket socket = zmq.createSocket(SocketType.SUB);
        socket.setReceiveTimeOut(10_000);
        socket.connect("tcp://" + db.getURL().getHost() + ":" + port);
        for (String topic : topics) {
            socket.subscribe(topic.getBytes(StandardCharsets.UTF_8));
        }
        return socket;
    }

    /** The topic and the ids of the next message, past any left of the warm-up (ids 1000 and up). */
    static List<Object> next(ZMQ.Socket socket, Type type) throws GPUdbException {
        List<Object> message;
        do {
            message = nextAny(socket, type);
        } while (message.size() == 2 && (Long) message.get(1) >= 1000);
        return message;
    }

    static List<Object> nextAny(ZMQ.Socket socket, Type type) throws GPUdbException {
        ZMsg message = ZMsg.recvMsg(socket);
        assertNotNull(message, "a message within the receive timeout");
        List<Object> topicAndIds = new ArrayList<>();
        boolean first = true;
        for (ZFrame frame : message) {
            if (first) {
                topicAndIds.add(new String(frame.getData(), StandardCharsets.UTF_8));
                first = false;
            } else {
                GenericRecord row = Avro.decode(type, ByteBuffer.wrap(frame.getData()));
                topicAndIds.add(row.get("id"));
            }
        }
        return topicAndIds;
    }

    /** Inserts {@code id} until the subscriber has one message: ZeroMQ drops what is published before a subscription arrives. */
    static void warmUp(ZMQ.Socket socket, String table, long id) throws GPUdbException {
        socket.setReceiveTimeOut(100);
        // up to a minute: a subscription reaches the publisher's I/O thread late on a loaded machine
        for (int attempt = 0; attempt < 600; attempt++) {
            insert(table, Map.of(InsertRecordsRequest.Options.UPDATE_ON_EXISTING_PK, "true"), id);
            db.deleteRecords(table, List.of("id = " + id), Map.of());
            if (ZMsg.recvMsg(socket) != null) {
                while (ZMsg.recvMsg(socket) != null) {
                    // drain what the other attempts published
                }
                socket.setReceiveTimeOut(10_000);
                return;
            }
        }
        throw new AssertionError("no message reached the subscriber within a minute");
    }

    @Test
    void eachInsertIsOneMultipartMessageOfTheTopicThenOneAvroFramePerRow() throws Exception {
        String table = newTable();
        CreateTableMonitorResponse monitor = db.createTableMonitor(table, Map.of());
        assertEquals(monitor.getTopicId(), monitor.getInfo().get(CreateTableMonitorResponse.Info.INSERT_TOPIC_ID));
        assertEquals("ki_home." + table, monitor.getTableName());
        ZMQ.Socket socket = subscribe(monitor.getTopicId());
        warmUp(socket, table, 1000);

        insert(table, Map.of(), 3, 1, 2);
        insert(table, Map.of(), 4);
        Type published = new Type(monitor.getTypeSchema());
        assertEquals(List.of(monitor.getTopicId(), 3L, 1L, 2L), next(socket, published), "rows in the insert's order");
        assertEquals(List.of(monitor.getTopicId(), 4L), next(socket, published));
    }

    @Test
    void onlyNewRowsArePublished() throws Exception {
        String table = newTable();
        String topic = db.createTableMonitor(table, Map.of()).getTopicId();
        ZMQ.Socket socket = subscribe(topic);
        warmUp(socket, table, 1000);
        insert(table, Map.of(), 1, 2);
        insert(table, Map.of(InsertRecordsRequest.Options.UPDATE_ON_EXISTING_PK, "true"), 2, 3);
        insert(table, Map.of(InsertRecordsRequest.Options.IGNORE_EXISTING_PK, "true"), 3, 4);
        assertEquals(List.of(topic, 1L, 2L), next(socket, TYPE));
        assertEquals(List.of(topic, 3L), next(socket, TYPE), "the update of 2 is not an insertion");
        assertEquals(List.of(topic, 4L), next(socket, TYPE), "3 existed and was kept");
    }

    @Test
    void monitorsAreShownByIdAndAClearedOneNoLongerPublishes() throws Exception {
        String table = newTable();
        String chosen = "kconnect_test_" + TABLES.get();
        String first = db.createTableMonitor(table, Map.of("monitor_id", chosen)).getTopicId();
        assertEquals(chosen, first);
        GPUdbException twice = assertThrows(GPUdbException.class,
                () -> db.createTableMonitor(table, Map.of("monitor_id", chosen)));
        assertTrue(twice.getMessage().contains("already exists"), twice.getMessage());

        ShowTableMonitorsResponse shown = db.showTableMonitors(List.of(chosen), Map.of());
        assertEquals(List.of(chosen), shown.getMonitorIds());
        assertEquals(List.of("ki_home." + table), shown.getTableNames());
        assertEquals(List.of("insert"), shown.getEvents());
        assertEquals(List.of(chosen), db.showTableMonitors(List.of(), Map.of()).getMonitorIds());

        ZMQ.Socket socket = subscribe(first);
        warmUp(socket, table, 1000);
        db.clearTableMonitor(first, Map.of());
        assertFalse(emu.tableMonitorIds().contains(first));
        String second = db.createTableMonitor(table, Map.of()).getTopicId();
        socket.subscribe(second.getBytes(StandardCharsets.UTF_8));
        warmUpTopic(socket, table, second);
        insert(table, Map.of(), 7);
        assertEquals(List.of(second, 7L), next(socket, TYPE), "the cleared monitor's message would have come first");
        GPUdbException gone = assertThrows(GPUdbException.class, () -> db.clearTableMonitor(first, Map.of()));
        assertTrue(gone.getMessage().contains("does not exist"), gone.getMessage());
    }

    /** As {@link #warmUp}, for a topic added to a socket already subscribed to others. */
    static void warmUpTopic(ZMQ.Socket socket, String table, String topic) throws GPUdbException {
        socket.setReceiveTimeOut(100);
        // up to a minute: a subscription reaches the publisher's I/O thread late on a loaded machine
        for (int attempt = 0; attempt < 600; attempt++) {
            insert(table, Map.of(InsertRecordsRequest.Options.UPDATE_ON_EXISTING_PK, "true"), 1000);
            db.deleteRecords(table, List.of("id = 1000"), Map.of());
            ZMsg message;
            boolean seen = false;
            while ((message = ZMsg.recvMsg(socket)) != null) {
                seen |= topic.equals(message.getFirst().getString(StandardCharsets.UTF_8));
            }
            if (seen) {
                socket.setReceiveTimeOut(10_000);
                return;
            }
        }
        throw new AssertionError("no message of " + topic + " reached the subscriber");
    }

    @Test
    void subscribersReconnectWhenKineticaComesBack() throws Exception {
        String table = newTable();
        String topic = db.createTableMonitor(table, Map.of()).getTopicId();
        ZMQ.Socket socket = subscribe(topic);
        warmUp(socket, table, 1000);
        emu.faults().down();
        emu.faults().up();
        warmUp(socket, table, 1001);
        insert(table, Map.of(), 5);
        assertEquals(List.of(topic, 5L), next(socket, TYPE), "monitors outlive an outage");
    }

    @Test
    void updateAndDeleteMonitorsAndDataSinksAreRefusedAsNotEmulated() throws Exception {
        String table = newTable();
        GPUdbException update = assertThrows(GPUdbException.class,
                () -> db.createTableMonitor(table, Map.of("event", "update")));
        assertTrue(update.getMessage().contains("not emulated"), update.getMessage());
        GPUdbException sink = assertThrows(GPUdbException.class,
                () -> db.createTableMonitor(table, Map.of("datasink_name", "s")));
        assertTrue(sink.getMessage().contains("not emulated"), sink.getMessage());
        GPUdbException missing = assertThrows(GPUdbException.class,
                () -> db.createTableMonitor("no_such_table", Map.of()));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }
}
