package io.incident.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard: the panels it promises, and every metric it queries is one the services emit (found in
 * their sources), a standard Quarkus/Micrometer one, or one deploy/README.md lists as not emitted yet.
 */
class DashboardTest {

    private static final Path DASHBOARD = DeployFiles.deployDir()
            .resolve("observability/grafana/dashboards/incident-platform.json");

    /** Meters Quarkus and Micrometer register by themselves (HTTP server, Kafka clients, JVM, process) and Prometheus' own. */
    private static final List<String> STANDARD_PREFIXES = List.of("http_server_requests_seconds_", "kafka_consumer_",
            "kafka_producer_", "jvm_", "process_", "system_");
    private static final Set<String> STANDARD = Set.of("up");

    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset", "inf", "nan");

    private final JsonNode dashboard = DeployFiles.json(DASHBOARD);

    private List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(panels::add);
        return panels;
    }

    @Test
    void theDashboardShowsWhatTheReadmePromises() {
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        assertThat(dashboard.path("title").asText()).isNotBlank();
        List<String> titles = panels().stream().map(p -> p.path("title").asText()).toList();
        for (String wanted : List.of("Reports", "Consumer lag", "paged", "Notification deliveries", "Deadlines",
                "HTTP latency")) {
            assertThat(titles).as("a panel about " + wanted).anyMatch(t -> t.contains(wanted));
        }
        Set<Integer> ids = new TreeSet<>();
        for (JsonNode panel : panels()) {
            String title = panel.path("title").asText();
            assertThat(ids.add(panel.path("id").asInt())).as(title + " id is unique").isTrue();
            assertThat(panel.path("gridPos").path("w").asInt()).as(title + " gridPos").isPositive();
            assertThat(panel.path("datasource").path("uid").asText()).as(title + " datasource").isEqualTo("${datasource}");
            assertThat(panel.path("targets").size()).as(title + " targets").isPositive();
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("expr").asText()).as(title + " expr").isNotBlank();
                assertThat(balanced(target.path("expr").asText())).as(title + " brackets: " + target.path("expr")).isTrue();
            }
        }
    }

    @Test
    void everyMetricQueriedIsEmittedStandardOrListedAsNotYetEmitted() {
        Set<String> emitted = emittedMetricBases();
        assertThat(emitted).as("meters found in the services' sources").contains("incident_deadlines_fired",
                "notification_delivery_sent", "incident_outbox_published");
        Set<String> notYet = notYetEmitted();
        Set<String> queried = new TreeSet<>();
        panels().forEach(p -> p.path("targets").forEach(t -> queried.addAll(metricNames(t.path("expr").asText()))));
        assertThat(queried).as("metrics the dashboard queries").isNotEmpty();
        List<String> unexplained = new ArrayList<>();
        for (String metric : queried) {
            boolean standard = STANDARD.contains(metric) || STANDARD_PREFIXES.stream().anyMatch(metric::startsWith);
            boolean fromCode = emitted.stream().anyMatch(base -> metric.equals(base) || metric.equals(base + "_total")
                    || metric.matches(Pattern.quote(base) + "(_seconds)?_(count|sum|max|bucket)"));
            if (!standard && !fromCode && !notYet.contains(metric)) {
                unexplained.add(metric);
            }
        }
        assertThat(unexplained).as("metrics neither emitted, standard, nor listed in deploy/README.md").isEmpty();
    }

    @Test
    void metricNamesAreReadFromPromQl() {
        assertThat(metricNames("sum by (service, le) (rate(http_server_requests_seconds_bucket{uri!~\"/q/.*\", "
                + "service=~\"$service\"}[$__rate_interval])) / on (service) group_left max(up)"))
                .containsExactlyInAnyOrder("http_server_requests_seconds_bucket", "up");
    }

    /** Metric names in a PromQL expression: identifiers that are neither functions, keywords, labels nor strings. */
    static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()").matcher(bare);
        while (m.find()) {
            if (!PROMQL_WORDS.contains(m.group(1).toLowerCase())) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static boolean balanced(String expr) {
        int depth = 0;
        for (char c : expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "").toCharArray()) {
            depth += c == '(' || c == '{' || c == '[' ? 1 : c == ')' || c == '}' || c == ']' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /** Micrometer meter names registered in the services' and service-runtime's sources, in Prometheus form. */
    static Set<String> emittedMetricBases() {
        Pattern meter = Pattern.compile(
                "(?:Counter|Timer|Gauge|DistributionSummary|LongTaskTimer)\\.builder\\(\\s*\"([a-z0-9_.]+)\""
                        + "|\\.(?:counter|timer|gauge|summary)\\(\\s*\"([a-z0-9_.]+)\"");
        Set<String> names = new TreeSet<>();
        List<String> modules = new ArrayList<>(DeployFiles.SERVICES);
        modules.add("service-runtime");
        for (String module : modules) {
            Path sources = DeployFiles.repositoryRoot().resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = meter.matcher(DeployFiles.read(file));
                    while (m.find()) {
                        names.add((m.group(1) != null ? m.group(1) : m.group(2)).replace('.', '_'));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    /** The metric names deploy/README.md lists under "Metrics the dashboard expects that the services do not emit yet". */
    static Set<String> notYetEmitted() {
        String readme = DeployFiles.read(DeployFiles.deployDir().resolve("README.md"));
        int start = readme.indexOf("Metrics the dashboard expects that the services do not emit yet");
        assertThat(start).as("deploy/README.md section on metrics not emitted yet").isNotNegative();
        String section = readme.substring(start);
        int next = section.indexOf("\n#", 1);
        section = next < 0 ? section : section.substring(0, next);
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("`([a-z_:][a-z0-9_:]*)`").matcher(section);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
