package dev.kconnect.sandbox.kinetica.monitor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Kinetica's table monitor port: a ZeroMQ PUB socket on which each insert into a monitored table is
 * published as one multipart message, the first frame the topic id (UTF-8), each further frame one
 * inserted row, Avro binary of the table's type, exactly as the rows are stored and as /get/records
 * returns them. A ZeroMQ socket belongs to one thread, so every send, bind and close happens on the
 * publisher's own thread, in the order the inserts queued them. Going down closes the socket (its
 * subscribers see the connection drop, as when Kinetica stops); coming up binds the same port again.
 */
public final class MonitorPublisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MonitorPublisher.class);
    /** Messages held per subscriber before ZeroMQ drops more: Kinetica's own limit is not documented. */
    static final int SEND_HIGH_WATER_MARK = 100_000;

    private sealed interface Command permits Send, Down, Up, Close {
    }

    private record Send(String topic, List<byte[]> rows) implements Command {
    }

    private record Down() implements Command {
    }

    private record Up() implements Command {
    }

    private record Close() implements Command {
    }

    private final String host;
    private final ZContext context = new ZContext(1);
    private final BlockingQueue<Command> commands = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile int port;
    private ZMQ.Socket socket;

    private MonitorPublisher(String host, int port) {
        this.host = host;
        this.socket = bind(port);
        this.thread = new Thread(this::run, "kinetica-emulator-monitor-publisher");
        thread.setDaemon(true);
    }

    /** Binds {@code host:port} (0: a free port) and starts publishing. */
    public static MonitorPublisher start(String host, int port) {
        MonitorPublisher publisher = new MonitorPublisher(host, port);
        publisher.thread.start();
        return publisher;
    }

    public int port() {
        return port;
    }

    /** Queues one message of {@code rows} for {@code topic}; sent in the order queued. */
    void publish(String topic, List<byte[]> rows) {
        commands.add(new Send(topic, rows));
    }

    public void down() {
        commands.add(new Down());
    }

    public void up() {
        commands.add(new Up());
    }

    @Override
    public void close() {
        commands.add(new Close());
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ZMQ.Socket bind(int wanted) {
        ZMQ.Socket bound = context.createSocket(SocketType.PUB);
        bound.setLinger(0);
        bound.setSndHWM(SEND_HIGH_WATER_MARK);
        try {
            if (wanted == 0) {
                // the system's pick, as for the HTTP port (bindToRandomPort would guess ports itself)
                bound.bind("tcp://" + host + ":*");
                String endpoint = bound.getLastEndpoint();
                port = Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
            } else {
                bound.bind("tcp://" + host + ":" + wanted);
                port = wanted;
            }
        } catch (RuntimeException e) {
            context.destroySocket(bound);
            throw e;
        }
        return bound;
    }

    private void run() {
        try {
            while (true) {
                Command command = commands.take();
                if (command instanceof Send send) {
                    send(send);
                } else if (command instanceof Down) {
                    closeSocket();
                } else if (command instanceof Up) {
                    rebind();
                } else {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Table monitor publisher stopped: {}", e.toString(), e);
        } finally {
            closeSocket();
            context.close();
        }
    }

    /**
     * Binds the port again. ZeroMQ closes a socket's listener on its own I/O thread, after
     * {@code destroySocket} returns, so the port can still be taken for a moment: try again.
     */
    private void rebind() throws InterruptedException {
        for (int attempt = 0; socket == null; attempt++) {
            try {
                socket = bind(port);
            } catch (RuntimeException e) {
                if (attempt >= 500) {
                    throw e;
                }
                Thread.sleep(10);
            }
        }
    }

    private void send(Send message) {
        if (socket == null) {
            return;   // down: nobody is connected, as with a stopped Kinetica
        }
        socket.sendMore(message.topic().getBytes(StandardCharsets.UTF_8));
        List<byte[]> rows = message.rows();
        for (int i = 0; i < rows.size(); i++) {
            if (i < rows.size() - 1) {
                socket.sendMore(rows.get(i));
            } else {
                socket.send(rows.get(i));
            }
        }
    }

    private void closeSocket() {
        if (socket != null) {
            context.destroySocket(socket);
            socket = null;
        }
    }
}
