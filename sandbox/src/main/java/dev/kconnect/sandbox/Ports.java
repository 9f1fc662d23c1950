package dev.kconnect.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks shared by the sandbox's servers, which all bind 127.0.0.1. */
public final class Ports {
    private Ports() {
    }

    /** A port that was free a moment ago. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    /** Whether {@code port} can be bound on 127.0.0.1 now. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Returns {@code port} when it can be bound on 127.0.0.1, else throws naming {@code what} wanted it. */
    public static int requireFree(int port, String what) {
        if (!isFree(port)) {
            throw new PortInUseException(port, what);
        }
        return port;
    }
}
