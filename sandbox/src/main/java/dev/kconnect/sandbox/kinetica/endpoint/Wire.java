package dev.kconnect.sandbox.kinetica.endpoint;

import com.gpudb.Avro;
import com.gpudb.GPUdbException;
import com.gpudb.protocol.RawGpudbResponse;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;

/** The RawGpudbResponse envelope every Kinetica answer travels in. */
public final class Wire {
    private Wire() {
    }

    public static byte[] ok(IndexedRecord data) {
        fillNulls(data);
        try {
            RawGpudbResponse response = new RawGpudbResponse()
                    .setStatus("OK")
                    .setMessage("")
                    .setDataType(data.getSchema().getName())
                    .setData(Avro.encode(data))
                    .setDataStr("");
            return bytes(Avro.encode(response));
        } catch (GPUdbException e) {
            throw new IllegalStateException("cannot encode " + data.getSchema().getName(), e);
        }
    }

    public static byte[] error(String message) {
        try {
            RawGpudbResponse response = new RawGpudbResponse()
                    .setStatus("ERROR")
                    .setMessage(message)
                    .setDataType("none")
                    .setData(ByteBuffer.allocate(0))
                    .setDataStr("");
            return bytes(Avro.encode(response));
        } catch (GPUdbException e) {
            throw new IllegalStateException("cannot encode an error response", e);
        }
    }

    /** Avro cannot encode nulls where the schema has none: give unset fields their empty value. */
    private static void fillNulls(IndexedRecord record) {
        for (Schema.Field field : record.getSchema().getFields()) {
            if (record.get(field.pos()) == null) {
                switch (field.schema().getType()) {
                    case MAP -> record.put(field.pos(), new HashMap<>());
                    case ARRAY -> record.put(field.pos(), new ArrayList<>());
                    case STRING -> record.put(field.pos(), "");
                    case BYTES -> record.put(field.pos(), ByteBuffer.allocate(0));
                    default -> {
                    }
                }
            }
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer.hasArray() && buffer.arrayOffset() == 0 && buffer.position() == 0
                && buffer.remaining() == buffer.array().length) {
            return buffer.array();
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
