package com.kinetica.kafka.source;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One task's connection to Kinetica's table monitor port: a ZeroMQ SUB socket subscribed to the
 * topic of each of the task's monitors. Kinetica publishes each insert as one multipart message,
 * the topic id, then one frame per row (Avro binary of the table's type); the rows go to that
 * table's {@link PushedRows}. ZeroMQ reconnects by itself and drops what is published while it is
 * not connected, so every connect and disconnect of the socket is marked as a gap in every table's
 * rows: the task then reads from its offset before trusting the monitor again. A ZeroMQ socket
 * belongs to one thread: subscribing is asked of that thread.
 */
public final class MonitorSubscriber implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MonitorSubscriber.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    /** How long the thread waits for a message before looking at its commands again. */
    private static final long POLL_MS = 50;

    private final String endpoint;
    private final ZContext context = new ZContext(1);
    private final Map<String, PushedRows> topics = new ConcurrentHashMap<>();
    private final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean closed;
    private ZMQ.Socket socket;
    private ZMQ.Socket events;

    /** @param endpoint {@code tcp://host:port} of Kinetica's table monitor port */
    public MonitorSubscriber(String endpoint) {
        this.endpoint = endpoint;
        this.thread = new Thread(this::run, "kinetica-monitor-subscriber-" + INSTANCES.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }

    public String endpoint() {
        return endpoint;
    }

    /** Delivers the rows published on {@code topic} to {@code rows}; the first of them follow a gap. */
    public void subscribe(String topic, PushedRows rows) {
        rows.gap();
        topics.put(topic, rows);
        commands.add(() -> socket.subscribe(topic.getBytes(StandardCharsets.UTF_8)));
    }

    public void unsubscribe(String topic) {
        topics.remove(topic);
        commands.add(() -> socket.unsubscribe(topic.getBytes(StandardCharsets.UTF_8)));
    }

    private void run() {
        try {
            open();
            try (ZMQ.Poller poller = context.createPoller(2)) {
                int eventsIndex = poller.register(events, ZMQ.Poller.POLLIN);
                int socketIndex = poller.register(socket, ZMQ.Poller.POLLIN);
                while (!closed) {
                    for (Runnable command; (command = commands.poll()) != null; ) {
                        command.run();
                    }
                    poller.poll(POLL_MS);
                    // events first: a (re)connect must mark its gap before the messages that follow it
                    if (poller.pollin(eventsIndex)) {
                        connectionEvents();
                    }
                    if (poller.pollin(socketIndex)) {
                        messages();
                    }
                }
            }
        } catch (RuntimeException e) {
            if (!closed) {
                log.warn("Table monitor subscriber of {} stopped; tables are read every poll interval: {}",
                        endpoint, e.toString(), e);
                topics.values().forEach(PushedRows::gap);
            }
        } finally {
            context.close();
        }
    }

    private void open() {
        socket = context.createSocket(SocketType.SUB);
        socket.setLinger(0);
        socket.setRcvHWM(0);   // never dropped here: PushedRows bounds what is held
        // a Kinetica that vanished without closing the connection is noticed, and the task reads instead
        socket.setHeartbeatIvl(10_000);
        socket.setHeartbeatTimeout(30_000);
        String monitorAddress = "inproc://kinetica-monitor-events-" + System.identityHashCode(this);
        socket.monitor(monitorAddress, ZMQ.EVENT_CONNECTED | ZMQ.EVENT_DISCONNECTED | ZMQ.EVENT_CLOSED);
        events = context.createSocket(SocketType.PAIR);
        events.connect(monitorAddress);
        socket.connect(endpoint);
    }

    private void connectionEvents() {
        for (ZMQ.Event event; (event = ZMQ.Event.recv(events, ZMQ.DONTWAIT)) != null; ) {
            log.debug("Table monitor connection to {}: event {}", endpoint, event.getEvent());
            topics.values().forEach(PushedRows::gap);
        }
    }

    private void messages() {
        for (ZMsg message; (message = ZMsg.recvMsg(socket, ZMQ.DONTWAIT)) != null; ) {
            ZFrame topic = message.pop();
            PushedRows rows = topic == null ? null : topics.get(topic.getString(StandardCharsets.UTF_8));
            if (rows == null) {
                continue;   // a topic unsubscribed a moment ago
            }
            List<ByteBuffer> frames = new ArrayList<>(message.size());
            for (ZFrame frame : message) {
                frames.add(ByteBuffer.wrap(frame.getData()));
            }
            if (!frames.isEmpty()) {
                rows.add(frames);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
