package dev.kconnect.cli.create;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kconnect.cli.client.ApiException;
import dev.kconnect.cli.client.ApiResponse;
import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.client.model.ConnectorInfo;
import dev.kconnect.cli.client.Json;
import dev.kconnect.cli.client.model.Message;
import dev.kconnect.cli.client.NewerEndpoints;
import dev.kconnect.cli.client.NewerEndpoints.InitialState;

import java.io.PrintWriter;
import java.util.Map;

/**
 * Creates a connector that starts from given offsets. The connector is always created STOPPED
 * first, so no task runs before its offsets are in place: with {@code initial_offsets} (KIP-995)
 * when the worker takes it (its answer then holds {@code offsets_status}), else by
 * {@code PATCH …/offsets} (3.6+) after the creation; then it is moved to the state asked for.
 */
public final class CreateWithOffsets {

    private CreateWithOffsets() {
    }

    public static ApiResponse<ConnectorInfo> create(ConnectClient client, String name, Map<String, String> config,
                                                    JsonNode offsets, String file, InitialState wanted, PrintWriter out) {
        NewerEndpoints newer = new NewerEndpoints(client);
        ApiResponse<ConnectorInfo> created;
        boolean applied;
        try {
            created = newer.create(name, config, InitialState.stopped, offsets);
            applied = hasOffsetsStatus(created);
        } catch (ApiException e) {
            // a worker without KIP-995 may refuse the field it does not know: nothing was created
            if (e.getMessage() == null || !e.getMessage().contains("initial_offsets")) {
                throw e;
            }
            created = newer.create(name, config, InitialState.stopped, null);
            applied = false;
        }
        out.println("created connector '" + name + "' STOPPED" + (applied ? ", its offsets set by the worker (initial_offsets)" : ""));
        out.flush();
        if (!applied) {
            try {
                Message message = client.alterOffsets(name, offsets.toString()).value();
                out.println(message == null || message.message() == null ? "offsets set" : message.message());
            } catch (ApiException e) {
                throw new ApiException(e.status(), "connector '" + name + "' was created STOPPED but the worker refused "
                        + "its offsets (" + e.getMessage() + "); fix " + file + ", then: kconnect offsets " + name
                        + " --set " + file + " && kconnect resume " + name);
            }
        }
        switch (wanted) {
            case running -> {
                client.resume(name);
                out.println("resuming connector '" + name + "'");
            }
            case paused -> {
                client.pause(name);
                out.println("pausing connector '" + name + "' (resume it with: kconnect resume " + name + ")");
            }
            case stopped -> out.println("connector '" + name + "' stays STOPPED; start it with: kconnect resume " + name);
        }
        out.flush();
        return created;
    }

    private static boolean hasOffsetsStatus(ApiResponse<ConnectorInfo> response) {
        try {
            return response.hasBody() && Json.MAPPER.readTree(response.body()).has("offsets_status");
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
