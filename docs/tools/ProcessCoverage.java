import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes docs/process-coverage.md: one row per rule of PROCESS.md with every test whose display name names it, so
 * the table can't drift from the tests. The status of each rule (what is still missing) is a judgement, kept by
 * hand in docs/process-status.properties.
 *
 * <pre>java docs/tools/ProcessCoverage.java ../shared/PROCESS.md</pre>
 */
public class ProcessCoverage {

    private static final Pattern RULE = Pattern.compile("^- (R-[A-Z]+-\\d+) (.*)$");
    private static final Pattern DISPLAY = Pattern.compile("@DisplayName\\(\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern RULE_ID = Pattern.compile("R-[A-Z]+-\\d+");

    record Proof(String module, String testClass, String name) {
    }

    public static void main(String[] args) throws IOException {
        Path process = Path.of(args.length > 0 ? args[0] : "../shared/PROCESS.md");
        Path root = Path.of(".");
        Map<String, String> rules = rules(process);
        Map<String, List<Proof>> proofs = proofs(root);
        Properties status = new Properties();
        Path statusFile = root.resolve("docs/process-status.properties");
        if (Files.exists(statusFile)) {
            try (var in = Files.newBufferedReader(statusFile)) {
                status.load(in);
            }
        }
        StringBuilder out = new StringBuilder("""
                # Process coverage

                One row per rule of `../shared/PROCESS.md`, with every test whose display name names the rule. Generated
                by `java docs/tools/ProcessCoverage.java ../shared/PROCESS.md` from the test sources; the status column
                comes from `docs/process-status.properties`. A rule is done only when its tests prove all of it.

                | Rule | What it asks | Proven by | Status |
                |---|---|---|---|
                """);
        int proven = 0;
        for (var rule : rules.entrySet()) {
            List<Proof> p = proofs.getOrDefault(rule.getKey(), List.of());
            if (!p.isEmpty()) {
                proven++;
            }
            out.append("| ").append(rule.getKey()).append(" | ").append(cell(rule.getValue(), 90)).append(" | ")
                    .append(cell(render(p), Integer.MAX_VALUE)).append(" | ")
                    .append(cell(status.getProperty(rule.getKey(), p.isEmpty() ? "not started" : ""),
                            Integer.MAX_VALUE)).append(" |\n");
        }
        out.append("\n").append(proven).append(" of ").append(rules.size())
                .append(" rules are named by at least one test.\n");
        Files.writeString(root.resolve("docs/process-coverage.md"), out);
        System.out.println(proven + " of " + rules.size() + " rules named by tests");
    }

    private static Map<String, String> rules(Path process) throws IOException {
        Map<String, String> rules = new LinkedHashMap<>();
        for (String line : Files.readAllLines(process)) {
            Matcher m = RULE.matcher(line);
            if (m.matches()) {
                rules.put(m.group(1), m.group(2));
            }
        }
        return rules;
    }

    private static Map<String, List<Proof>> proofs(Path root) throws IOException {
        Map<String, List<Proof>> proofs = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/test/"))
                    .filter(f -> !f.toString().contains("/target/"))
                    .sorted()
                    .forEach(f -> {
                        String module = root.relativize(f).toString().split("/src/test/")[0];
                        String testClass = f.getFileName().toString().replace(".java", "");
                        Matcher m = DISPLAY.matcher(read(f));
                        while (m.find()) {
                            String name = m.group(1).replace("\\\"", "\"");
                            Matcher ids = RULE_ID.matcher(name);
                            while (ids.find()) {
                                proofs.computeIfAbsent(ids.group(), k -> new ArrayList<>())
                                        .add(new Proof(module, testClass, name));
                            }
                        }
                    });
        }
        return proofs;
    }

    private static String render(List<Proof> proofs) {
        Map<String, List<String>> byClass = new LinkedHashMap<>();
        for (Proof p : proofs) {
            byClass.computeIfAbsent("`" + p.module() + "` " + p.testClass(), k -> new ArrayList<>())
                    .add("\"" + p.name() + "\"");
        }
        List<String> parts = new ArrayList<>();
        byClass.forEach((cls, names) -> parts.add(cls + ": " + String.join(", ", names)));
        return String.join("; ", parts);
    }

    private static String cell(String text, int max) {
        String t = text.replace("|", "\\|").replace("\n", " ");
        return t.length() > max ? t.substring(0, max - 3) + "..." : t;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
