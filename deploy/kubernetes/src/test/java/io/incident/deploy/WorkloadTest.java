package io.incident.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.incident.deploy.DeployFiles.K8sObject;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The Deployments, Services, autoscalers and disruption budgets of the five services, and how they fit together. */
class WorkloadTest {

    /** Names of settings whose values are secrets: they may only come from a Secret, never stand in a manifest. */
    static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(password|passwd|secret|token|api[_.-]?key|credential|private[_.-]?key).*");

    private final List<K8sObject> objects = DeployFiles.kubernetesObjects();
    private final List<Deployment> deployments = DeployFiles.objectsOf(objects, Deployment.class);

    @Test
    void theReactorsServicesAreTheFiveDeployed() {
        String rootPom = DeployFiles.read(DeployFiles.repositoryRoot().resolve("pom.xml"));
        Set<String> serviceModules = Pattern.compile("<module>([^<]*-service)</module>").matcher(rootPom).results()
                .map(m -> m.group(1)).collect(Collectors.toSet());
        assertThat(serviceModules).as("service modules of the root pom").containsExactlyInAnyOrderElementsOf(DeployFiles.SERVICES);
        assertThat(deployments).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(DeployFiles.SERVICES);
    }

    @Test
    void everyDeploymentHasReplicasProbesAndResources() {
        for (Deployment deployment : deployments) {
            String name = deployment.getMetadata().getName();
            assertThat(deployment.getSpec().getReplicas()).as(name + " replicas").isGreaterThanOrEqualTo(2);
            List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
            assertThat(containers).as(name + " containers").hasSize(1);
            Container container = containers.get(0);
            int httpPort = DeployFiles.httpPort(name);
            ContainerPort http = port(container, "http").orElseThrow(() -> new AssertionError(name + " has no port http"));
            assertThat(http.getContainerPort()).as(name + " http port = quarkus.http.port").isEqualTo(httpPort);

            assertProbe(name + " startupProbe", container.getStartupProbe(), "/q/health/started", container);
            assertProbe(name + " readinessProbe", container.getReadinessProbe(), "/q/health/ready", container);
            assertProbe(name + " livenessProbe", container.getLivenessProbe(), "/q/health/live", container);

            var resources = container.getResources();
            assertThat(resources).as(name + " resources").isNotNull();
            for (Map<String, Quantity> bound : List.of(resources.getRequests(), resources.getLimits())) {
                assertThat(bound).as(name + " requests and limits").isNotNull().containsKeys("cpu", "memory");
            }
            BigDecimal requestMemory = resources.getRequests().get("memory").getNumericalAmount();
            BigDecimal limitMemory = resources.getLimits().get("memory").getNumericalAmount();
            assertThat(requestMemory).as(name + " memory request (a JVM service needs ~512Mi)")
                    .isGreaterThanOrEqualTo(new BigDecimal(384L * 1024 * 1024));
            assertThat(limitMemory).as(name + " memory limit >= request").isGreaterThanOrEqualTo(requestMemory);
            assertThat(resources.getLimits().get("cpu").getNumericalAmount()).as(name + " cpu limit >= request")
                    .isGreaterThanOrEqualTo(resources.getRequests().get("cpu").getNumericalAmount());

            Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
            assertThat(annotations).as(name + " scrape annotations").containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/port", String.valueOf(httpPort))
                    .containsEntry("prometheus.io/path", "/q/metrics");
        }
    }

    private static Optional<ContainerPort> port(Container container, String name) {
        return container.getPorts().stream().filter(p -> name.equals(p.getName())).findFirst();
    }

    private static void assertProbe(String what, Probe probe, String path, Container container) {
        assertThat(probe).as(what).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get).as(what + " httpGet").isNotNull();
        assertThat(get.getPath()).as(what + " path").isEqualTo(path);
        String port = get.getPort().getStrVal() != null ? get.getPort().getStrVal() : String.valueOf(get.getPort().getIntVal());
        assertThat(container.getPorts()).as(what + " port " + port + " is a container port")
                .anyMatch(p -> port.equals(p.getName()) || port.equals(String.valueOf(p.getContainerPort())));
    }

    @Test
    void secretsComeOnlyFromSecretReferences() {
        assertThat(objects).as("no Secret objects in the repository").noneMatch(o -> o.typed().getKind().equals("Secret"));
        Set<String> configMaps = DeployFiles.objectsOf(objects, ConfigMap.class).stream()
                .map(c -> c.getMetadata().getName()).collect(Collectors.toSet());
        for (ConfigMap configMap : DeployFiles.objectsOf(objects, ConfigMap.class)) {
            assertThat(configMap.getData().keySet()).as(configMap.getMetadata().getName() + " keys")
                    .noneMatch(k -> SECRET_NAME.matcher(k).matches());
        }
        for (Deployment deployment : deployments) {
            String name = deployment.getMetadata().getName();
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            for (EnvVar env : container.getEnv()) {
                if (SECRET_NAME.matcher(env.getName()).matches()) {
                    assertThat(env.getValue()).as(name + " " + env.getName() + " is a plaintext secret").isNull();
                    assertThat(env.getValueFrom()).as(name + " " + env.getName() + " valueFrom").isNotNull();
                    assertThat(env.getValueFrom().getSecretKeyRef()).as(name + " " + env.getName() + " secretKeyRef")
                            .isNotNull();
                }
            }
            EnvVar password = container.getEnv().stream().filter(e -> e.getName().equals("INCIDENT_DB_PASSWORD"))
                    .findFirst().orElseThrow(() -> new AssertionError(name + " has no INCIDENT_DB_PASSWORD"));
            assertThat(password.getValueFrom().getSecretKeyRef().getName()).isEqualTo("incident-db");
            assertThat(password.getValueFrom().getSecretKeyRef().getOptional()).as("the password is required")
                    .isNotEqualTo(Boolean.TRUE);
            assertThat(container.getEnvFrom()).as(name + " envFrom").isNotEmpty();
            for (EnvFromSource from : container.getEnvFrom()) {
                assertThat(from.getSecretRef()).as(name + " takes no whole Secret as environment").isNull();
                assertThat(from.getConfigMapRef()).as(name + " envFrom configMapRef").isNotNull();
                assertThat(configMaps).as(name + " envFrom ConfigMap exists").contains(from.getConfigMapRef().getName());
            }
        }
    }

    @Test
    void everySecretReferencedIsDocumentedWithKubectl() {
        String readme = DeployFiles.read(DeployFiles.deployDir().resolve("README.md"));
        for (Deployment deployment : deployments) {
            for (EnvVar env : deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
                if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                    var ref = env.getValueFrom().getSecretKeyRef();
                    assertThat(readme).as("deploy/README.md shows how to create Secret " + ref.getName())
                            .containsPattern("kubectl[^\\n]*create secret generic " + Pattern.quote(ref.getName())
                                    + "[^\\n]*--from-[a-z]+=" + Pattern.quote(ref.getKey()) + "=");
                }
            }
        }
    }

    @Test
    void imagesArePlaceholdersTheKustomizationPins() {
        List<Map<String, Object>> images = DeployFiles.kustomization().images();
        for (Deployment deployment : deployments) {
            String name = deployment.getMetadata().getName();
            String image = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
            assertThat(image).as(name + " image").matches("ghcr\\.io/example/incident-platform/" + name + ":[0-9][^:]*");
            String repository = image.substring(0, image.lastIndexOf(':'));
            assertThat(images).as("kustomization images").anyMatch(i -> repository.equals(i.get("name")));
        }
    }

    @Test
    void everyServiceSelectsTheDeploymentItServes() {
        List<Service> services = DeployFiles.objectsOf(objects, Service.class);
        assertThat(services).extracting(s -> s.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(DeployFiles.SERVICES);
        for (Service service : services) {
            String name = service.getMetadata().getName();
            Map<String, String> selector = service.getSpec().getSelector();
            assertThat(selector).as(name + " selector").isNotEmpty();
            List<Deployment> selected = deployments.stream()
                    .filter(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                    .toList();
            assertThat(selected).as(name + " selects exactly one Deployment's pods").hasSize(1);
            Deployment deployment = selected.get(0);
            assertThat(deployment.getMetadata().getName()).as(name + " selects its own Deployment").isEqualTo(name);
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            for (ServicePort port : service.getSpec().getPorts()) {
                String target = port.getTargetPort().getStrVal();
                if (target != null) {
                    assertThat(port(container, target)).as(name + " targetPort " + target).isPresent();
                } else {
                    int number = port.getTargetPort().getIntVal();
                    assertThat(container.getPorts()).as(name + " targetPort " + number)
                            .anyMatch(p -> p.getContainerPort() == number);
                }
            }
            assertThat(service.getSpec().getPorts()).as(name + " http port")
                    .anyMatch(p -> "http".equals(p.getName()) && p.getPort() == DeployFiles.httpPort(name));
        }
    }

    @Test
    void intakeExposesItsSmtpListener() {
        Service intake = DeployFiles.objectsOf(objects, Service.class).stream()
                .filter(s -> s.getMetadata().getName().equals("intake-service")).findFirst().orElseThrow();
        assertThat(intake.getSpec().getPorts()).anyMatch(p -> "smtp".equals(p.getName()) && p.getPort() == 2525
                && "smtp".equals(p.getTargetPort().getStrVal()));
    }

    @Test
    void everyAutoscalerTargetsADeploymentOnCpu() {
        List<HorizontalPodAutoscaler> autoscalers = DeployFiles.objectsOf(objects, HorizontalPodAutoscaler.class);
        assertThat(autoscalers).extracting(h -> h.getSpec().getScaleTargetRef().getName())
                .containsExactlyInAnyOrderElementsOf(DeployFiles.SERVICES);
        int partitions = DeployFiles.objectsOf(objects, KafkaTopic.class).stream()
                .filter(t -> !t.getMetadata().getName().startsWith("dead-letter-topic-"))
                .mapToInt(t -> t.getSpec().getPartitions()).min().orElseThrow();
        for (HorizontalPodAutoscaler hpa : autoscalers) {
            var target = hpa.getSpec().getScaleTargetRef();
            String what = "HPA " + hpa.getMetadata().getName();
            assertThat(target.getApiVersion() + "/" + target.getKind()).as(what + " target kind").isEqualTo("apps/v1/Deployment");
            Deployment deployment = deployment(target.getName(), what);
            assertThat(hpa.getSpec().getMinReplicas()).as(what + " minReplicas").isGreaterThanOrEqualTo(2)
                    .isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
            assertThat(deployment.getSpec().getReplicas()).as(what + " Deployment replicas within the HPA's range")
                    .isBetween(hpa.getSpec().getMinReplicas(), hpa.getSpec().getMaxReplicas());
            assertThat(hpa.getSpec().getMaxReplicas()).as(what + " maxReplicas <= topic partitions")
                    .isLessThanOrEqualTo(partitions);
            List<MetricSpec> metrics = hpa.getSpec().getMetrics();
            assertThat(metrics).as(what + " scales on CPU").anyMatch(m -> "Resource".equals(m.getType())
                    && "cpu".equals(m.getResource().getName())
                    && "Utilization".equals(m.getResource().getTarget().getType())
                    && m.getResource().getTarget().getAverageUtilization() != null);
        }
    }

    @Test
    void everyDisruptionBudgetCoversADeploymentAndLeavesRoomToDrain() {
        List<PodDisruptionBudget> budgets = DeployFiles.objectsOf(objects, PodDisruptionBudget.class);
        assertThat(budgets).hasSize(DeployFiles.SERVICES.size());
        for (PodDisruptionBudget budget : budgets) {
            String what = "PDB " + budget.getMetadata().getName();
            Map<String, String> selector = budget.getSpec().getSelector().getMatchLabels();
            assertThat(selector).as(what + " selector").isNotEmpty();
            List<Deployment> selected = deployments.stream()
                    .filter(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                    .toList();
            assertThat(selected).as(what + " selects exactly one Deployment's pods").hasSize(1);
            var minAvailable = budget.getSpec().getMinAvailable();
            assertThat(minAvailable).as(what + " minAvailable").isNotNull();
            if (minAvailable.getIntVal() != null) {
                assertThat(minAvailable.getIntVal()).as(what + " minAvailable below replicas, so a node can drain")
                        .isBetween(1, selected.get(0).getSpec().getReplicas() - 1);
            }
        }
        assertThat(budgets).extracting(b -> b.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(DeployFiles.SERVICES);
    }

    private Deployment deployment(String name, String what) {
        return deployments.stream().filter(d -> d.getMetadata().getName().equals(name)).findFirst()
                .orElseGet(() -> fail(what + " targets Deployment " + name + ", which does not exist"));
    }
}
