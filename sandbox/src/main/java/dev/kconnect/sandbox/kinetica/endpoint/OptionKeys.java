package dev.kconnect.sandbox.kinetica.endpoint;

import dev.kconnect.sandbox.kinetica.store.KineticaError;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kinetica refuses an option it does not know ("Parameter map key: 'x' is not a valid parameter")
 * rather than ignoring it, so a misspelt option fails here as it would there. The keys a request
 * takes are those gpudb-api lists in its {@code Options} class (Kinetica 7.1's); a request without
 * one takes none. The class also lists option values ("true", "ascending"...): they pass as keys,
 * which lets through nothing a client would send by mistake.
 */
final class OptionKeys {
    private static final Map<Class<?>, Set<String>> KEYS = new ConcurrentHashMap<>();

    private OptionKeys() {
    }

    /** Throws Kinetica's error when the request's options hold a key its endpoint does not take. */
    static void check(IndexedRecord request) {
        Schema.Field field = request.getSchema().getField("options");
        if (field == null || !(request.get(field.pos()) instanceof Map<?, ?> options) || options.isEmpty()) {
            return;
        }
        Set<String> known = KEYS.computeIfAbsent(request.getClass(), OptionKeys::keysOf);
        for (Object key : options.keySet()) {
            if (!known.contains(key.toString())) {
                throw new KineticaError("Parameter map key: '" + key + "' is not a valid parameter");
            }
        }
    }

    private static Set<String> keysOf(Class<?> requestClass) {
        Set<String> keys = new HashSet<>();
        for (Class<?> nested : requestClass.getDeclaredClasses()) {
            if (nested.getSimpleName().equals("Options")) {
                for (Field constant : nested.getDeclaredFields()) {
                    if (Modifier.isStatic(constant.getModifiers()) && constant.getType() == String.class) {
                        keys.add(value(constant));
                    }
                }
            }
        }
        return Set.copyOf(keys);
    }

    private static String value(Field constant) {
        try {
            return (String) constant.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("gpudb-api's option constants are public: " + constant, e);
        }
    }
}
