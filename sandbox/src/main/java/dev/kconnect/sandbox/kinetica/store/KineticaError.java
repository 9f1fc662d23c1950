package dev.kconnect.sandbox.kinetica.store;

/** A request the emulated Kinetica refuses; its message goes back to the client as an ERROR response. */
public class KineticaError extends RuntimeException {
    public KineticaError(String message) {
        super(message);
    }
}
