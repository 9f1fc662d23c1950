package com.kinetica.kafka.client;

import com.gpudb.BulkInserter;
import com.gpudb.GPUdbBase;
import com.gpudb.GPUdbException;
import com.kinetica.kafka.config.ConnectionConfig;

import java.io.IOException;

/**
 * What a failed call to Kinetica means, decided in one place. Whether an answered error is about
 * one record or about the server is not in the error itself: the sink's writer tells them apart
 * by asking the server again (see {@code sink.Flusher}).
 */
public final class Failures {
    /** The kinds of failure, by what can be done about them. */
    public enum Kind {
        /** No answer: refused or dropped connections, timeouts, a server going down or a 5xx in front of it. Passes. */
        UNREACHABLE,
        /** Kinetica refused the user: retrying does not help. */
        UNAUTHORIZED,
        /** Kinetica answered an error: about the request, a record in it, or the server's own state. */
        ANSWERED
    }

    private Failures() {
    }

    public static Kind classify(Throwable error) {
        if (isUnauthorized(error)) {
            return Kind.UNAUTHORIZED;
        }
        return isConnectionFailure(error) ? Kind.UNREACHABLE : Kind.ANSWERED;
    }

    /**
     * True when the request did not get an answer: refused or dropped connections, timeouts,
     * a server shutting down or HTTP failures in front of it.
     */
    public static boolean isConnectionFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof GPUdbException g && g.hadConnectionFailure()) {
                return true;
            }
            if (t instanceof BulkInserter.InsertException && mentionsConnectionFailure(t.getMessage())) {
                return true;
            }
            if (t instanceof GPUdbBase.GPUdbExitException
                    || t instanceof GPUdbBase.GPUdbFailoverDisabledException
                    || t instanceof GPUdbBase.GPUdbHAUnavailableException
                    || t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** BulkInserter names what its worker ranks ran into in its message only, with no cause. */
    private static boolean mentionsConnectionFailure(String message) {
        return message != null && (message.contains("GPUdbExitException") || message.contains("ConnectException")
                || message.contains("SocketTimeoutException") || message.contains("Connection refused"));
    }

    /**
     * True when a request got no answer within {@value ConnectionConfig#TIMEOUT}: the server took
     * the connection and said nothing. gpudb-api keeps only the text of the client's "Read timed
     * out", not the exception.
     */
    public static boolean timedOut(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Read timed out")) {
                return true;
            }
        }
        return false;
    }

    /** True when Kinetica refused the user: retrying will not help. */
    public static boolean isUnauthorized(Throwable error) {
        return causedBy(error, GPUdbBase.GPUdbUnauthorizedAccessException.class);
    }

    /** True when {@code error} or one of its causes is a {@code kind}. */
    public static boolean causedBy(Throwable error, Class<? extends Throwable> kind) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Why a call failed, in retry and give-up messages: the {@link #summary}, or which setting a silence outlasted. */
    public static String reason(Throwable error) {
        return timedOut(error) ? "Kinetica took the request and gave no answer within " + ConnectionConfig.TIMEOUT
                : summary(error);
    }

    /** The first line of the error's message, for one-line reports. */
    public static String summary(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            return error.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
