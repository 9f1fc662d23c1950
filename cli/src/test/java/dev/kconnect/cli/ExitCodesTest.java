package dev.kconnect.cli;

import dev.kconnect.cli.error.ExitCode;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The exit codes in the code, in {@code kconnect --help} and in the README are one list. */
class ExitCodesTest {

    @Test
    void helpReadmeAndCodeListTheSameCodes() throws Exception {
        Map<Integer, String> help = new TreeMap<>();
        Matcher h = Pattern.compile("(?m)^  (\\d+)\\s+(.+)$").matcher(String.format(ExitCode.HELP));
        while (h.find()) {
            help.put(Integer.parseInt(h.group(1)), h.group(2).strip());
        }
        Map<Integer, String> readme = new TreeMap<>();
        String text = Files.readString(Path.of("../README.md"));
        String table = text.substring(text.indexOf("## Exit codes"));
        Matcher r = Pattern.compile("(?m)^\\| (\\d+) \\| (.+?) \\|$").matcher(table);
        while (r.find()) {
            readme.put(Integer.parseInt(r.group(1)), r.group(2).strip());
        }
        TreeSet<Integer> code = new TreeSet<>();
        for (Field field : ExitCode.class.getFields()) {
            if (field.getType() == int.class && Modifier.isStatic(field.getModifiers())) {
                code.add(field.getInt(null));
            }
        }
        assertEquals(help, readme, "README's table and --help");
        assertEquals(code, help.keySet(), "ExitCode's constants and --help");
    }
}
