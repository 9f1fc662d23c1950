package com.kinetica.kafka.config;

/** The most a sink task holds across all its tables: records, and bytes of row values. */
public record BufferCaps(long records, long bytes) {
    /** Whether {@code records} and {@code bytes} pass either cap. */
    public boolean exceeded(long records, long bytes) {
        return records > this.records || bytes > this.bytes;
    }

    /** Whether they are within half of both caps: room again to take records. */
    public boolean halfFree(long records, long bytes) {
        return records <= this.records / 2 && bytes <= this.bytes / 2;
    }
}
