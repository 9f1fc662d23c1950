package dev.kconnect.sandbox;

/** A server of the sandbox could not bind its port because something else holds it. */
public final class PortInUseException extends RuntimeException {
    private final int port;

    public PortInUseException(int port, String what) {
        super(what + ": port " + port + " on 127.0.0.1 is already in use; stop what holds it or choose another port");
        this.port = port;
    }

    public int port() {
        return port;
    }
}
