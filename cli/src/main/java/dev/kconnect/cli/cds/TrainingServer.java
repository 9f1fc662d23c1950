package dev.kconnect.cli.cds;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The REST answers {@link CdsTraining} reads: a loopback server whose bodies are shaped like a
 * Connect worker's, for a failed source {@code c} and a running sink {@link #SINK}. Prints
 * {@link #READY} and its URL, and runs until its standard input ends.
 */
public final class TrainingServer {
    static final String READY = "training server at ";
    /** A sink reading {@link TrainingBroker#TOPIC}, whose lag list and status read from the training broker. */
    static final String SINK = "s";

    private static final String INFO = "{\"name\":\"c\",\"config\":{\"name\":\"c\",\"connector.class\":\"x.Source\","
            + "\"tasks.max\":\"2\",\"kinetica.password\":\"p\"},\"tasks\":[{\"connector\":\"c\",\"task\":0}],\"type\":\"source\"}";
    private static final String STATUS = "{\"name\":\"c\",\"connector\":{\"state\":\"RUNNING\",\"worker_id\":\"127.0.0.1:8083\"},"
            + "\"tasks\":[{\"id\":0,\"state\":\"FAILED\",\"worker_id\":\"127.0.0.1:8083\",\"trace\":\"x.Error: boom\\n\\tat x\"}],"
            + "\"type\":\"source\"}";
    private static final String SINK_CONFIG = "{\"name\":\"s\",\"connector.class\":\"x.Sink\",\"topics\":\""
            + TrainingBroker.TOPIC + "\"}";
    private static final String SINK_STATUS = "{\"name\":\"s\",\"connector\":{\"state\":\"RUNNING\","
            + "\"worker_id\":\"127.0.0.1:8083\"},\"tasks\":[{\"id\":0,\"state\":\"RUNNING\","
            + "\"worker_id\":\"127.0.0.1:8083\"}],\"type\":\"sink\"}";
    private static final String SINK_INFO = "{\"name\":\"s\",\"config\":" + SINK_CONFIG
            + ",\"tasks\":[{\"connector\":\"s\",\"task\":0}],\"type\":\"sink\"}";

    private TrainingServer() {
    }

    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", TrainingServer::answer);
        server.start();
        System.out.println(READY + "http://127.0.0.1:" + server.getAddress().getPort());
        System.out.flush();
        System.in.transferTo(OutputStream.nullOutputStream());
        server.stop(0);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        String method = exchange.getRequestMethod();
        int status = 200;
        String body;
        if (path.equals("/")) {
            body = "{\"version\":\"4.3.1\",\"commit\":\"0\",\"kafka_cluster_id\":\"k\"}";
        } else if (path.equals("/connectors") && query != null) {
            body = "{\"c\":{\"info\":" + INFO + ",\"status\":" + STATUS + "},"
                    + "\"" + SINK + "\":{\"info\":" + SINK_INFO + ",\"status\":" + SINK_STATUS + "}}";
        } else if (path.equals("/connectors/" + SINK + "/status")) {
            body = SINK_STATUS;
        } else if (path.equals("/connectors/" + SINK + "/config")) {
            body = SINK_CONFIG;
        } else if (path.equals("/connectors") && method.equals("POST")) {
            status = 201;
            body = INFO;
        } else if (path.equals("/connectors")) {
            body = "[\"c\"]";
        } else if (path.startsWith("/connectors/missing")) {
            status = 404;
            body = "{\"error_code\":404,\"message\":\"Connector missing not found\"}";
        } else if (path.endsWith("/status")) {
            body = STATUS;
        } else if (path.endsWith("/tasks")) {
            body = "[{\"id\":{\"connector\":\"c\",\"task\":0},\"config\":{\"task.class\":\"x.Task\"}}]";
        } else if (path.endsWith("/config") && method.equals("GET")) {
            body = "{\"name\":\"c\",\"connector.class\":\"x.Source\"}";
        } else if (method.equals("GET") || path.endsWith("/config")) {
            body = INFO;
        } else {
            status = method.equals("DELETE") || path.endsWith("/restart") ? 204 : 202;
            body = "";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
