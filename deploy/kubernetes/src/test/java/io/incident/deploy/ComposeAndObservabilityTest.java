package io.incident.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.incident.deploy.DeployFiles.list;
import static io.incident.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

/** compose.yaml, its Dockerfile, the Prometheus configurations and the Grafana provisioning and dashboard. */
class ComposeAndObservabilityTest {

    private static final Path COMPOSE_DIR = DeployFiles.deployDir().resolve("compose");
    private static final Path OBSERVABILITY = DeployFiles.deployDir().resolve("observability");

    private final Map<String, Object> compose = DeployFiles.yamlDocument(COMPOSE_DIR.resolve("compose.yaml"));
    private final Map<String, Object> services = map(compose.get("services"), "compose services");

    private Map<String, Object> service(String name) {
        return map(services.get(name), "compose service " + name);
    }

    @Test
    void composeRunsTheFiveServicesAndTheirInfrastructure() {
        assertThat(services.keySet()).contains("kafka", "postgres", "mailpit", "prometheus", "grafana")
                .containsAll(DeployFiles.SERVICES);
        Set<String> built = services.entrySet().stream().filter(e -> map(e.getValue(), e.getKey()).containsKey("build"))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(built).as("services built from the Dockerfile").containsExactlyInAnyOrderElementsOf(DeployFiles.SERVICES);
        assertThat(String.valueOf(service("kafka").get("image"))).startsWith("apache/kafka:");
        assertThat(String.valueOf(service("mailpit").get("image"))).startsWith("axllent/mailpit");
        assertThat(String.valueOf(service("postgres").get("image"))).startsWith("postgres:");
        Map<String, Object> kafkaEnv = map(service("kafka").get("environment"), "kafka environment");
        assertThat(String.valueOf(kafkaEnv.get("KAFKA_PROCESS_ROLES"))).as("KRaft single node").isEqualTo("broker,controller");

        for (Map.Entry<String, Object> entry : services.entrySet()) {
            Object dependsOn = map(entry.getValue(), entry.getKey()).get("depends_on");
            Set<String> dependencies = dependsOn instanceof Map<?, ?> m ? m.keySet().stream().map(String::valueOf)
                    .collect(Collectors.toSet()) : dependsOn == null ? Set.of()
                    : list(dependsOn, "depends_on").stream().map(String::valueOf).collect(Collectors.toSet());
            assertThat(services.keySet()).as(entry.getKey() + " depends_on").containsAll(dependencies);
        }
    }

    @Test
    void everyServiceIsBuiltFromItsModuleAndWiredToTheInfrastructure() {
        String advertised = String.valueOf(map(service("kafka").get("environment"), "kafka").get("KAFKA_ADVERTISED_LISTENERS"));
        for (String name : DeployFiles.SERVICES) {
            Map<String, Object> service = service(name);
            Map<String, Object> build = map(service.get("build"), name + " build");
            Path context = COMPOSE_DIR.resolve(String.valueOf(build.get("context"))).normalize();
            assertThat(context).as(name + " build context is the repository root").isEqualTo(DeployFiles.repositoryRoot());
            assertThat(context.resolve(String.valueOf(build.get("dockerfile"))).normalize())
                    .isEqualTo(COMPOSE_DIR.resolve("Dockerfile"));
            assertThat(map(build.get("args"), name + " build args")).containsEntry("MODULE", name);
            assertThat(context.resolve(name).resolve("pom.xml")).as(name + " module").exists();

            int port = DeployFiles.httpPort(name);
            assertThat(list(service.get("ports"), name + " ports")).as(name + " publishes its HTTP port")
                    .contains(port + ":" + port);

            Map<String, Object> env = map(service.get("environment"), name + " environment");
            assertThat(env).containsKeys("INCIDENT_DB_HOST", "INCIDENT_DB_PASSWORD", "INCIDENT_KAFKA_BOOTSTRAP",
                    "INCIDENT_MAIL_HOST", "INCIDENT_MAIL_PORT");
            assertThat(services).containsKey(String.valueOf(env.get("INCIDENT_DB_HOST")));
            assertThat(services).containsKey(String.valueOf(env.get("INCIDENT_MAIL_HOST")));
            assertThat(advertised).as(name + " bootstraps from an advertised listener")
                    .contains("//" + env.get("INCIDENT_KAFKA_BOOTSTRAP"));
        }
        assertThat(list(service("intake-service").get("ports"), "intake ports")).contains("2525:2525");
    }

    @Test
    void composeKeepsNoSecretValues() {
        for (Map.Entry<String, Object> entry : services.entrySet()) {
            Object environment = map(entry.getValue(), entry.getKey()).get("environment");
            if (environment == null) {
                continue;
            }
            map(environment, entry.getKey() + " environment").forEach((key, value) -> {
                if (WorkloadTest.SECRET_NAME.matcher(key).matches()) {
                    assertThat(String.valueOf(value)).as(entry.getKey() + " " + key + " comes from the environment")
                            .matches("\\$\\{[A-Z_]+:\\?[^}]*}");
                }
            });
        }
    }

    @Test
    void dockerfileCopiesTheFastJarOfTheModuleOntoAJre17() {
        String dockerfile = DeployFiles.read(COMPOSE_DIR.resolve("Dockerfile"));
        assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:17-jre")
                .containsPattern("(?m)^ARG MODULE$")
                .contains("${MODULE}/target/quarkus-app/")
                .containsPattern("(?m)^USER [0-9]+")
                .containsPattern("(?m)^ENTRYPOINT \\[.*\"/deployments/quarkus-run.jar\"]");
        assertThat(DeployFiles.read(COMPOSE_DIR.resolve("Dockerfile.dockerignore"))).contains("!*/target/quarkus-app/**");
    }

    @Test
    void prometheusScrapesExactlyTheFiveServices() {
        Map<String, Object> prometheus = DeployFiles.yamlDocument(OBSERVABILITY.resolve("prometheus.yml"));
        Map<String, Object> job = job(prometheus, "incident-services");
        assertThat(job.get("metrics_path")).isEqualTo("/q/metrics");
        Map<String, String> targets = new LinkedHashMap<>();
        for (Object staticConfig : list(job.get("static_configs"), "static_configs")) {
            Map<String, Object> config = map(staticConfig, "static_config");
            String service = String.valueOf(map(config.get("labels"), "labels").get("service"));
            for (Object target : list(config.get("targets"), "targets")) {
                assertThat(targets.put(String.valueOf(target), service)).as("target " + target + " twice").isNull();
            }
        }
        Map<String, String> expected = DeployFiles.SERVICES.stream()
                .collect(Collectors.toMap(s -> s + ":" + DeployFiles.httpPort(s), s -> s));
        assertThat(targets).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(DeployFiles.SERVICES).allMatch(services::containsKey);

        List<Object> volumes = list(service("prometheus").get("volumes"), "prometheus volumes");
        assertThat(volumes).anyMatch(v -> String.valueOf(v).startsWith("../observability/prometheus.yml:"));
    }

    @Test
    void prometheusOnKubernetesFindsTheAnnotatedPodsOfTheNamespace() {
        Map<String, Object> prometheus = DeployFiles.yamlDocument(OBSERVABILITY.resolve("prometheus-kubernetes.yml"));
        Map<String, Object> job = job(prometheus, "incident-services");
        Map<String, Object> sd = map(list(job.get("kubernetes_sd_configs"), "kubernetes_sd_configs").get(0), "sd");
        assertThat(sd.get("role")).isEqualTo("pod");
        assertThat(list(map(map(sd.get("namespaces"), "namespaces"), "namespaces").get("names"), "names"))
                .containsExactly(DeployFiles.kustomization().getNamespace());
        List<Map<String, Object>> relabels = list(job.get("relabel_configs"), "relabel_configs").stream()
                .map(r -> map(r, "relabel")).toList();
        assertThat(relabels).anyMatch(r -> "keep".equals(r.get("action"))
                && List.of("__meta_kubernetes_pod_annotation_prometheus_io_scrape").equals(r.get("source_labels")));
        assertThat(relabels).anyMatch(r -> "service".equals(r.get("target_label"))
                && List.of("__meta_kubernetes_pod_label_app_kubernetes_io_name").equals(r.get("source_labels")));
        assertThat(relabels).anyMatch(r -> "__metrics_path__".equals(r.get("target_label")));
        assertThat(relabels).anyMatch(r -> "__address__".equals(r.get("target_label")));
    }

    private static Map<String, Object> job(Map<String, Object> prometheus, String name) {
        return list(prometheus.get("scrape_configs"), "scrape_configs").stream().map(j -> map(j, "scrape_config"))
                .filter(j -> name.equals(j.get("job_name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no scrape job " + name));
    }

    @Test
    void grafanaIsProvisionedWithTheDatasourceAndDashboardsComposeMounts() {
        Map<String, String> mounts = new LinkedHashMap<>();
        for (Object volume : list(service("grafana").get("volumes"), "grafana volumes")) {
            String[] parts = String.valueOf(volume).split(":");
            if (parts[0].startsWith(".")) {
                Path source = COMPOSE_DIR.resolve(parts[0]).normalize();
                assertThat(source).as("grafana mounts " + parts[0]).isDirectory();
                mounts.put(parts[1], DeployFiles.deployDir().relativize(source).toString().replace('\\', '/'));
            }
        }
        assertThat(mounts).containsEntry("/etc/grafana/provisioning", "observability/grafana/provisioning");

        Path provisioning = OBSERVABILITY.resolve("grafana/provisioning");
        Map<String, Object> datasource = map(list(DeployFiles.yamlDocument(provisioning.resolve("datasources/prometheus.yaml"))
                .get("datasources"), "datasources").get(0), "datasource");
        assertThat(datasource.get("type")).isEqualTo("prometheus");
        assertThat(String.valueOf(datasource.get("url"))).isEqualTo("http://prometheus:9090");
        assertThat(services).containsKey("prometheus");

        Map<String, Object> provider = map(list(DeployFiles.yamlDocument(provisioning.resolve("dashboards/incident-platform.yaml"))
                .get("providers"), "providers").get(0), "provider");
        String path = String.valueOf(map(provider.get("options"), "options").get("path"));
        assertThat(mounts).as("the dashboard provider's path is where compose mounts the dashboards")
                .containsEntry(path, "observability/grafana/dashboards");

        JsonNode dashboard = DeployFiles.json(OBSERVABILITY.resolve("grafana/dashboards/incident-platform.json"));
        JsonNode variable = null;
        for (JsonNode v : dashboard.path("templating").path("list")) {
            if (v.path("name").asText().equals("datasource")) {
                variable = v;
            }
        }
        assertThat(variable).as("datasource variable").isNotNull();
        assertThat(variable.path("type").asText()).isEqualTo("datasource");
        assertThat(variable.path("current").path("value").asText()).isEqualTo(String.valueOf(datasource.get("uid")));
        String home = String.valueOf(map(service("grafana").get("environment"), "grafana env")
                .get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"));
        assertThat(home).isEqualTo(path + "/incident-platform.json");
    }
}
