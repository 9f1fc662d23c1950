package dev.kconnect.cli.command.workers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kconnect.cli.client.WorkerUnreachableException;
import dev.kconnect.cli.input.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Injects faults into a running sandbox's Kinetica emulator, to watch connectors ride them out.
 * It talks to the emulator's fault controls, whose port stays up while Kinetica is down.
 */
@Command(name = "fault",
        description = {
            "Make the sandbox's Kinetica emulator misbehave, to watch connectors ride it out",
            "(kconnect status NAME, the worker's log). Without an action, shows what is injected.",
            "The controls answer on a port of their own (kconnect sandbox --control-port), so every",
            "action works while Kinetica is down too.",
            "",
            "Actions:",
            "  down     refuse connections --for a while (default 30s), then come back by itself",
            "  fail     answer the next --calls calls with a server error",
            "  latency  slow every call down by DURATION",
            "  refuse   refuse inserts of records whose COLUMN holds VALUE, as a constraint would",
            "  deny     reject every call's credentials (HTTP 401), as after a password change",
            "  hang     take calls in and answer none, nor close them (a hung server, a firewall",
            "           dropping packets): clients wait for kinetica.timeout",
            "  reset    all faults off, and up again at once",
            ""},
        mixinStandardHelpOptions = true,
        footer = {"",
            "Examples:",
            "  kconnect sandbox fault kinetica down --for 45s",
            "  kconnect sandbox fault kinetica fail --calls 40",
            "  kconnect sandbox fault kinetica latency 200ms",
            "  kconnect sandbox fault kinetica refuse seq=13",
            "  kconnect sandbox fault kinetica deny",
            "  kconnect sandbox fault kinetica hang",
            "  kconnect sandbox fault kinetica reset",
            "  kconnect sandbox fault kinetica --control-url http://localhost:19190   (sandbox --control-port 19190)"})
public final class SandboxFaultCommand implements Callable<Integer> {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "TARGET", description = "What to disturb: kinetica.")
    String target;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ACTION",
            description = "down, fail, latency, refuse, deny, hang or reset.")
    String action;

    @Parameters(index = "2", arity = "0..1", paramLabel = "ARG",
            description = "latency: DURATION (500ms, 2s); refuse: COLUMN=VALUE.")
    String argument;

    @Option(names = "--for", paramLabel = "DURATION", defaultValue = "30s",
            description = "How long down lasts: 500ms, 45s, 2m (default: ${DEFAULT-VALUE}).")
    String downFor;

    @Option(names = "--calls", paramLabel = "N", description = "How many calls fail answers with an error.")
    Integer calls;

    @Option(names = "--control-url", paramLabel = "URL", defaultValue = "http://localhost:" + SandboxSettings.CONTROL_PORT,
            description = "The sandbox's fault controls, as it prints them (default: ${DEFAULT-VALUE}).")
    String url;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!"kinetica".equals(target)) {
            throw new BadInputException("unknown target '" + target + "': the sandbox can disturb kinetica");
        }
        String path = "/_sandbox/faults" + (action == null ? "" : "/" + action + query());
        JsonNode status = send(action == null ? "GET" : "POST", path);
        spec.commandLine().getOut().println(describe(status));
        return 0;
    }

    private String query() {
        return switch (action) {
            case "down" -> "?seconds=" + Math.max(1, (millis(downFor) + 999) / 1000);
            case "fail" -> {
                if (calls == null) {
                    throw new BadInputException("fail needs --calls N: how many calls to answer with an error");
                }
                yield "?calls=" + calls;
            }
            case "latency" -> "?ms=" + millis(required("latency DURATION, e.g. latency 200ms"));
            case "refuse" -> {
                String rule = required("refuse COLUMN=VALUE, e.g. refuse seq=13");
                int eq = rule.indexOf('=');
                if (eq <= 0) {
                    throw new BadInputException("refuse takes COLUMN=VALUE, e.g. refuse seq=13, not '" + rule + "'");
                }
                yield "?column=" + encode(rule.substring(0, eq)) + "&value=" + encode(rule.substring(eq + 1));
            }
            case "deny", "hang", "reset" -> "";
            default -> throw new BadInputException("unknown action '" + action
                    + "': use down, fail, latency, refuse, deny, hang or reset");
        };
    }

    private String required(String usage) {
        if (argument == null) {
            throw new BadInputException("give " + usage);
        }
        return argument;
    }

    private static long millis(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new BadInputException("'" + text + "' is no duration: write 500ms, 45s or 2m");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> n;
            case "m" -> n * 60_000;
            default -> n * 1000;
        };
    }

    private JsonNode send(String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + path))
                .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new WorkerUnreachableException("the sandbox's fault controls at " + url + " do not answer: is kconnect "
                    + "sandbox running? (give --control-url when it runs with --control-port)", e);
        }
        if (response.statusCode() == 400) {
            throw new BadInputException(response.body().strip());
        }
        if (response.statusCode() != 200) {
            throw new WorkerUnreachableException(url + " answered HTTP " + response.statusCode()
                    + ": it is not a kconnect sandbox's fault controls", null);
        }
        return JSON.readTree(response.body());
    }

    private String describe(JsonNode status) {
        StringBuilder line = new StringBuilder("Kinetica emulator at " + status.path("kinetica_url").asText() + ": ");
        boolean down = status.path("down").asBoolean();
        long downFor = status.path("down_for_ms").asLong();
        int failing = status.path("failing_calls").asInt();
        long latency = status.path("latency_ms").asLong();
        String refusing = status.path("refusing").isNull() ? null : status.path("refusing").asText();
        boolean denying = status.path("denying_credentials").asBoolean();
        boolean hung = status.path("hung").asBoolean();
        if (!down && downFor == 0 && failing == 0 && latency == 0 && refusing == null && !denying && !hung) {
            return line.append("no faults").toString();
        }
        StringBuilder faults = new StringBuilder();
        if (downFor > 0) {
            faults.append(", down for ").append((downFor + 500) / 1000).append(" s (comes back by itself, or at reset)");
        } else if (down) {
            faults.append(", down (until reset)");
        }
        if (failing > 0) {
            faults.append(", the next ").append(failing).append(" call(s) fail");
        }
        if (latency > 0) {
            faults.append(", ").append(latency).append(" ms latency on every call");
        }
        if (refusing != null) {
            faults.append(", refusing records with ").append(refusing);
        }
        if (denying) {
            faults.append(", rejecting every call's credentials");
        }
        if (hung) {
            faults.append(", hung: answering no call until reset");
        }
        return line.append(faults.substring(2)).toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
