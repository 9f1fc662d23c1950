package dev.kconnect.runtime.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The live objects of another JVM by class, as {@code jcmd PID GC.class_histogram} counts them after a full GC. */
final class HeapHistogram {
    /** "   1:   12345   1234567  [B (java.base@17.0.15)": instances, bytes, class. */
    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)", Pattern.MULTILINE);
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    /** One class's live objects; classes of one name in several loaders are added up. */
    record Count(long instances, long bytes) {
        Count plus(Count o) {
            return new Count(instances + o.instances, bytes + o.bytes);
        }
    }

    /** One class's change between two histograms. */
    record Change(String type, long instances, long bytes) {
    }

    private final Map<String, Count> classes;

    private HeapHistogram(Map<String, Count> classes) {
        this.classes = classes;
    }

    /** The histogram of process {@code pid}; jcmd collects all garbage first. */
    static HeapHistogram of(long pid) throws IOException, InterruptedException {
        Map<String, Count> classes = new HashMap<>();
        Matcher m = ROW.matcher(jcmd(pid, "GC.class_histogram"));
        while (m.find()) {
            classes.merge(readable(m.group(3)), new Count(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))), Count::plus);
        }
        if (classes.isEmpty()) {
            throw new IllegalStateException("jcmd printed no histogram for process " + pid);
        }
        return new HeapHistogram(classes);
    }

    /** The heap in use right after a full GC, in bytes, as the collector reports it (GC.heap_info). */
    static long usedAfterGc(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        Matcher m = USED.matcher(jcmd(pid, "GC.heap_info"));
        if (!m.find()) {
            throw new IllegalStateException("no 'used' in GC.heap_info of process " + pid);
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    /** With -Dbench.dump=DIR, a heap dump of the live objects in DIR/NAME.hprof, for a heap analyser. */
    static void dumpIfAsked(long pid, String name) throws IOException, InterruptedException {
        String dir = System.getProperty("bench.dump", "");
        if (!dir.isBlank()) {
            Path file = Path.of(dir).toAbsolutePath().resolve(name + ".hprof");
            Files.deleteIfExists(file);
            jcmd(pid, "GC.heap_dump " + file);
        }
    }

    long bytes() {
        return classes.values().stream().mapToLong(Count::bytes).sum();
    }

    Count count(String type) {
        return classes.getOrDefault(type, new Count(0, 0));
    }

    /** The classes that grew most since {@code before}, by bytes, the largest first. */
    List<Change> grownSince(HeapHistogram before, int top) {
        List<Change> changes = new ArrayList<>();
        classes.forEach((type, now) -> {
            Count was = before.count(type);
            changes.add(new Change(type, now.instances - was.instances, now.bytes - was.bytes));
        });
        changes.sort(Comparator.comparingLong(Change::bytes).reversed());
        return changes.subList(0, Math.min(top, changes.size()));
    }

    /** "[B" as "byte[]", "[Ljava.lang.Object;" as "java.lang.Object[]". */
    static String readable(String jvmName) {
        int dims = 0;
        while (dims < jvmName.length() && jvmName.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0) {
            return jvmName;
        }
        String element = jvmName.substring(dims);
        String base = switch (element) {
            case "B" -> "byte";
            case "C" -> "char";
            case "I" -> "int";
            case "J" -> "long";
            case "S" -> "short";
            case "Z" -> "boolean";
            case "D" -> "double";
            case "F" -> "float";
            default -> element.startsWith("L") && element.endsWith(";") ? element.substring(1, element.length() - 1) : element;
        };
        return base + "[]".repeat(dims);
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + out);
        }
        return out;
    }
}
