package dev.kconnect.cli.testplugins;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.connect.rest.ConnectRestExtension;
import org.apache.kafka.connect.rest.ConnectRestExtensionContext;

import java.util.Map;

/**
 * A worker REST extension that admits only requests with {@code Authorization: Bearer <token>},
 * the token being the worker property {@code test.bearer.token}: Connect ships only basic auth,
 * and tests need a worker that tells whether the CLI sent the right token.
 */
public class BearerTokenRestExtension implements ConnectRestExtension {

    private String expected;

    @Override
    public void configure(Map<String, ?> configs) {
        expected = "Bearer " + configs.get("test.bearer.token");
    }

    @Override
    public void register(ConnectRestExtensionContext context) {
        context.configurable().register(new TokenFilter(expected));
    }

    @Override
    public String version() {
        return "test";
    }

    @Override
    public void close() {
    }

    /** Refuses what does not carry the token, as a real token-checking proxy or extension would. */
    static final class TokenFilter implements ContainerRequestFilter {
        private final String expected;

        TokenFilter(String expected) {
            this.expected = expected;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            if (!expected.equals(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
                request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                        .entity("{\"error_code\":401,\"message\":\"bearer token required\"}").build());
            }
        }
    }
}
