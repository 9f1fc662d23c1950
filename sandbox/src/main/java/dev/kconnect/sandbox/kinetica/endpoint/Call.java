package dev.kconnect.sandbox.kinetica.endpoint;

import dev.kconnect.sandbox.kinetica.store.KineticaError;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.generic.IndexedRecord;
import com.gpudb.Avro;
import com.gpudb.GPUdbException;

import java.nio.ByteBuffer;

/**
 * An HTTP call to an endpoint: the (already decompressed) Avro body, the address the client
 * used to reach the emulator, which discovery answers must repeat back to it, and the rank
 * whose port took the call (0, the head, unless the emulator has worker ranks).
 */
public record Call(byte[] body, String baseUrl, int rank) {

    /** Decodes the body into {@code empty}, a fresh request record, and refuses options its endpoint does not take. */
    public <T extends IndexedRecord> T decode(T empty) {
        T request;
        try {
            request = Avro.decode(empty, ByteBuffer.wrap(body));
        } catch (GPUdbException | AvroRuntimeException | IndexOutOfBoundsException e) {
            throw new KineticaError("Unable to parse " + empty.getSchema().getName() + ": " + e.getMessage());
        }
        OptionKeys.check(request);
        return request;
    }
}
