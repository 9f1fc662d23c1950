package dev.kconnect.cli.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/**
 * A named Connect cluster and how to reach it. Secrets are kept as file names (password, token);
 * only headers the user typed are stored as given.
 *
 * @param url          the worker's REST URL
 * @param user         HTTP basic auth user; the password comes from a prompt, KCONNECT_PASSWORD or {@code passwordFile}
 * @param passwordFile file holding the basic auth password
 * @param tokenFile    file holding a bearer token
 * @param caFile       PEM CA certificate(s) to trust
 * @param certFile     PEM client certificate for mutual TLS
 * @param keyFile      PEM private key (PKCS#8, PKCS#1 or SEC1) of {@code certFile}
 * @param insecure     skip TLS verification
 * @param headers      extra headers sent with every request
 * @param bootstrapServers the cluster's Kafka brokers, for consumer lag (null when not given)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Context(String url,
                      String user,
                      @JsonProperty("password-file") String passwordFile,
                      @JsonProperty("token-file") String tokenFile,
                      @JsonProperty("ca-file") String caFile,
                      @JsonProperty("cert") String certFile,
                      @JsonProperty("key") String keyFile,
                      Boolean insecure,
                      Map<String, String> headers,
                      @JsonProperty("bootstrap-servers") String bootstrapServers) {

    public Context {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        insecure = Boolean.TRUE.equals(insecure) ? Boolean.TRUE : null;
    }

    public boolean insecureTls() {
        return Boolean.TRUE.equals(insecure);
    }
}
