package com.kinetica.kafka.client;

import com.gpudb.GPUdbBase;
import com.gpudb.GPUdbException;

import java.io.IOException;

/** Tells failures to reach Kinetica apart from errors Kinetica answered. */
public final class Failures {
    private Failures() {
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
            if (t instanceof GPUdbBase.GPUdbExitException
                    || t instanceof GPUdbBase.GPUdbFailoverDisabledException
                    || t instanceof GPUdbBase.GPUdbHAUnavailableException
                    || t instanceof IOException) {
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
