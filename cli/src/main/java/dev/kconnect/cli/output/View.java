package dev.kconnect.cli.output;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** How one kind of answer looks in the table and name formats (json and yaml need no view). */
public interface View<T> {

    /** Writes the answer for people. {@code value} is null when the worker sent no body. */
    void table(T value, Printer printer);

    /** The names {@code -o name} prints, one a line. */
    List<String> names(T value);

    static <T> View<T> of(BiConsumer<T, Printer> table, Function<T, List<String>> names) {
        return new View<>() {
            @Override
            public void table(T value, Printer printer) {
                table.accept(value, printer);
            }

            @Override
            public List<String> names(T value) {
                return names.apply(value);
            }
        };
    }

    /** A view for answers that only confirm something: a line for people, the connector's name for scripts. */
    static <T> View<T> message(String line, String name) {
        return of((value, printer) -> printer.out().println(line), value -> List.of(name));
    }
}
