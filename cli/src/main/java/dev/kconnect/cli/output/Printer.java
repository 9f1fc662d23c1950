package dev.kconnect.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kconnect.cli.client.ApiResponse;
import dev.kconnect.cli.client.Json;

import java.io.PrintWriter;

/** Writes answers in the format asked for, to the command's own writer. */
public final class Printer {

    private final PrintWriter out;
    private final Format format;
    private final Style style;

    public Printer(PrintWriter out, Format format, Style style) {
        this.out = out;
        this.format = format;
        this.style = style;
    }

    public PrintWriter out() {
        return out;
    }

    public Style style() {
        return style;
    }

    public Format format() {
        return format;
    }

    public <T> void print(ApiResponse<T> response, View<T> view) {
        switch (format) {
            case json -> raw(response);
            case yaml -> yaml(response);
            case name -> view.names(response.value()).forEach(out::println);
            case table -> view.table(response.value(), this);
        }
        out.flush();
    }

    /** The body byte for byte, ended by a newline; nothing when the worker sent none (e.g. 204). */
    private void raw(ApiResponse<?> response) {
        if (response.hasBody()) {
            out.print(response.body());
            if (!response.body().endsWith("\n")) {
                out.println();
            }
        }
    }

    /** Something kconnect made itself, not a REST answer: JSON on one line, or YAML. */
    public void printValue(Object value) {
        JsonNode tree = Json.MAPPER.valueToTree(value);
        switch (format) {
            case json -> out.println(tree);
            case yaml -> yaml(tree);
            default -> throw new IllegalArgumentException("only json and yaml print values, not " + format);
        }
        out.flush();
    }

    private void yaml(ApiResponse<?> response) {
        if (!response.hasBody()) {
            return;
        }
        try {
            yaml(Json.MAPPER.readTree(response.body()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the worker's answer is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private void yaml(JsonNode tree) {
        try {
            YAMLMapper yaml = YAMLMapper.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    // Connect configs are strings: "2" and "true" must not come back as a number or a boolean
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .build();
            out.print(yaml.writeValueAsString(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write YAML: " + e.getOriginalMessage(), e);
        }
    }
}
