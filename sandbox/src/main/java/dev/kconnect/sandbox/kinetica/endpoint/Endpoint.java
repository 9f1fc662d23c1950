package dev.kconnect.sandbox.kinetica.endpoint;

import org.apache.avro.generic.IndexedRecord;

/** One Kinetica endpoint: takes the decoded HTTP call, returns the response record to wrap. */
@FunctionalInterface
public interface Endpoint {
    IndexedRecord call(Call call);
}
