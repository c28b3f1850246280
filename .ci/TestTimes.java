import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

/**
 * Where a build's test time went, read from the surefire and failsafe XML reports under a directory: the slowest
 * test classes and each module's total. A class's time includes what its first test waits for, so the first
 * {@code @QuarkusTest} of a module carries the application's start.
 *
 * <pre>java .ci/TestTimes.java [root] [how many classes] [only reports written since, epoch milliseconds]</pre>
 */
public class TestTimes {

    record Suite(String module, String plugin, String name, double seconds, int tests, int failed, int skipped) {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        long since = args.length > 2 ? Long.parseLong(args[2]) : 0;
        List<Suite> suites = read(root, since);
        if (suites.isEmpty()) {
            System.out.println("No surefire or failsafe reports" + (since > 0 ? " written by this build" : "")
                    + " under " + root);
            return;
        }

        System.out.printf("%nSlowest %d test classes (of %d)%n", Math.min(top, suites.size()), suites.size());
        System.out.printf("%9s  %5s  %-24s %s%n", "seconds", "tests", "module", "class");
        suites.stream().sorted(Comparator.comparingDouble(Suite::seconds).reversed()).limit(top)
                .forEach(s -> System.out.printf("%9.1f  %5d  %-24s %s%s%n", s.seconds(), s.tests(), s.module(),
                        s.name(), s.failed() > 0 ? "  FAILED " + s.failed() : ""));

        Map<String, double[]> byModule = new TreeMap<>();
        for (Suite s : suites) {
            double[] t = byModule.computeIfAbsent(s.module() + " (" + s.plugin() + ")", k -> new double[4]);
            t[0] += s.seconds();
            t[1] += 1;
            t[2] += s.tests();
            t[3] += s.failed();
        }
        System.out.printf("%nTest time per module (sum of class times; wall time per module is in Maven's Reactor"
                + " Summary)%n");
        System.out.printf("%9s  %7s  %5s  %s%n", "seconds", "classes", "tests", "module");
        double total = 0;
        for (var e : byModule.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, double[]> x) -> x.getValue()[0]).reversed())
                .toList()) {
            double[] t = e.getValue();
            total += t[0];
            System.out.printf("%9.1f  %7d  %5d  %s%s%n", t[0], (int) t[1], (int) t[2], e.getKey(),
                    t[3] > 0 ? "  FAILED " + (int) t[3] : "");
        }
        System.out.printf("%9.1f  total%n", total);
    }

    private static List<Suite> read(Path root, long since) throws IOException {
        List<Path> reports = new ArrayList<>();
        Files.walkFileTree(root, Set.of(), 6, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                return name.startsWith(".") && !dir.equals(root) ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (file.getFileName().toString().matches("TEST-.*\\.xml")
                        && file.getParent().getFileName().toString().matches("(surefire|failsafe)-reports")
                        && attrs.lastModifiedTime().toMillis() >= since) {
                    reports.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        List<Suite> suites = new ArrayList<>();
        for (Path report : reports) {
            try {
                Element e = factory.newDocumentBuilder().parse(report.toFile()).getDocumentElement();
                Path reportsDir = report.getParent();
                Path module = root.relativize(reportsDir.getParent().getParent());
                String plugin = reportsDir.getFileName().toString().replace("-reports", "");
                suites.add(new Suite(module.toString().isEmpty() ? "." : module.toString(), plugin,
                        e.getAttribute("name"), number(e.getAttribute("time")), (int) number(e.getAttribute("tests")),
                        (int) (number(e.getAttribute("failures")) + number(e.getAttribute("errors"))),
                        (int) number(e.getAttribute("skipped"))));
            } catch (Exception ex) {
                System.err.println("Unreadable report " + report + ": " + ex.getMessage());
            }
        }
        return suites;
    }

    private static double number(String s) {
        if (s == null || s.isBlank()) {
            return 0;
        }
        try {
            return Double.parseDouble(s.replace(",", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
