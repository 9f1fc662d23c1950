package dev.kconnect.sandbox.kinetica.store;

import java.util.Locale;

/** The Avro primitive a Kinetica column is stored as; column properties refine it (int8, timestamp, charN...). */
public enum BaseType {
    INT, LONG, FLOAT, DOUBLE, STRING, BYTES;

    public String avroName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BaseType of(String avroName) {
        for (BaseType type : values()) {
            if (type.avroName().equals(avroName)) {
                return type;
            }
        }
        throw new KineticaError("Unsupported column type '" + avroName
                + "' (expected int, long, float, double, string or bytes)");
    }

    /** The value a non-nullable column gets when it is added without a default. */
    public Object zero() {
        return switch (this) {
            case INT -> 0;
            case LONG -> 0L;
            case FLOAT -> 0f;
            case DOUBLE -> 0d;
            case STRING -> "";
            case BYTES -> java.nio.ByteBuffer.allocate(0);
        };
    }
}
