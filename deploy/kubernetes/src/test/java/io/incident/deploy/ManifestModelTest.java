package io.incident.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.incident.deploy.DeployFiles.Kustomization;
import io.incident.deploy.DeployFiles.K8sObject;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every file parses, every Kubernetes and Strimzi document is its typed model with no field the model does not know. */
class ManifestModelTest {

    @Test
    void everyYamlAndJsonFileParses() {
        List<Path> files = DeployFiles.allOwnedDataFiles();
        assertThat(files).extracting(p -> DeployFiles.deployDir().relativize(p).toString().replace('\\', '/'))
                .contains("kubernetes/kustomization.yaml", "compose/compose.yaml", "observability/prometheus.yml",
                        "observability/prometheus-kubernetes.yml",
                        "observability/grafana/dashboards/incident-platform.json");
        for (Path file : files) {
            if (file.toString().endsWith(".json")) {
                assertThat(DeployFiles.json(file).isObject()).as(file.toString()).isTrue();
            } else {
                assertThat(DeployFiles.yamlDocuments(file)).as(file.toString()).isNotEmpty();
            }
        }
    }

    @Test
    void malformedYamlAndDuplicateKeysAreRejected() throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("deploy-yaml");
        Path broken = java.nio.file.Files.writeString(dir.resolve("broken.yaml"), "a: [1, 2\nb: c\n");
        Path duplicate = java.nio.file.Files.writeString(dir.resolve("duplicate.yaml"), "a: 1\na: 2\n");
        Path scalar = java.nio.file.Files.writeString(dir.resolve("scalar.yaml"), "just text\n");
        assertThatThrownBy(() -> DeployFiles.yamlDocuments(broken)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> DeployFiles.yamlDocuments(duplicate)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> DeployFiles.yamlDocuments(scalar)).isInstanceOf(AssertionError.class);
    }

    @Test
    void kustomizationListsExactlyTheManifestFilesAndHasNoUnknownFields() {
        Kustomization kustomization = DeployFiles.kustomization();
        assertThat(kustomization.unknownFields()).as("unknown fields in kustomization.yaml").isEmpty();
        List<String> manifestFiles = DeployFiles.kubernetesYamlFiles().stream()
                .map(p -> p.getFileName().toString()).filter(n -> !n.equals("kustomization.yaml")).toList();
        assertThat(kustomization.getResources()).as("kustomization.yaml resources")
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(manifestFiles);
    }

    @Test
    void everyObjectIsItsTypedModelWithoutUnknownFields() {
        List<K8sObject> objects = DeployFiles.kubernetesObjects();
        assertThat(objects).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (K8sObject object : objects) {
            assertThat(object.typed().getClass()).as(object.where())
                    .isEqualTo(DeployFiles.KINDS.get(object.raw().get("apiVersion") + "/" + object.raw().get("kind")));
            DeployFiles.unknownFields(object.typed()).forEach(p -> problems.add(object.where() + ": " + p));
        }
        assertThat(problems).as("fields the Kubernetes and Strimzi models do not know").isEmpty();
    }

    @Test
    void objectNamesAreUniquePerKindAndNamespaceIsConsistent() {
        List<K8sObject> objects = DeployFiles.kubernetesObjects();
        Set<String> seen = new HashSet<>();
        for (K8sObject object : objects) {
            HasMetadata typed = object.typed();
            assertThat(seen.add(typed.getKind() + "/" + typed.getMetadata().getName()))
                    .as("duplicate " + object.where()).isTrue();
        }
        List<Namespace> namespaces = DeployFiles.objectsOf(objects, Namespace.class);
        assertThat(namespaces).hasSize(1);
        String namespace = DeployFiles.kustomization().getNamespace();
        assertThat(namespaces.get(0).getMetadata().getName()).isEqualTo(namespace);
        for (K8sObject object : objects) {
            String own = object.typed().getMetadata().getNamespace();
            assertThat(own == null || own.equals(namespace)).as(object.where() + " namespace").isTrue();
        }
    }

    /** The detection itself: a misspelt or misplaced key, at any depth, of a core or a Strimzi object is found. */
    @Test
    void unknownFieldsAreFoundAtAnyDepth() {
        Map<String, Object> deployment = DeployFiles.yamlDocuments(DeployFiles.kubernetesDir().resolve("docs-service.yaml"))
                .get(0);
        String yaml = new org.yaml.snakeyaml.Yaml().dump(deployment)
                .replace("readinessProbe:", "readinesProbe:");
        Map<String, Object> misspelt = new org.yaml.snakeyaml.Yaml().load(yaml);
        Deployment typed = (Deployment) DeployFiles.typed(misspelt, "misspelt");
        assertThat(DeployFiles.unknownFields(typed)).singleElement().asString()
                .contains("containers[0]").contains("readinesProbe");

        Map<String, Object> topic = new org.yaml.snakeyaml.Yaml().load("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: t, labels: {strimzi.io/cluster: c}}
                spec: {partition: 12, replicas: 3}
                """);
        KafkaTopic typedTopic = (KafkaTopic) DeployFiles.typed(topic, "topic");
        assertThat(DeployFiles.unknownFields(typedTopic)).singleElement().asString().contains("partition");

        Map<String, Object> wrongType = new org.yaml.snakeyaml.Yaml().load("""
                apiVersion: v1
                kind: Service
                metadata: {name: s}
                spec: {ports: [{port: 80, targetPort: http, protocol: TCP, name: http, extra: {a: 1}}]}
                """);
        assertThat(DeployFiles.unknownFields(DeployFiles.typed(wrongType, "service"))).singleElement().asString()
                .contains("ports[0]").contains("extra");
    }

    @Test
    void unknownKindsAreRefused() {
        Map<String, Object> secret = new org.yaml.snakeyaml.Yaml().load("""
                apiVersion: v1
                kind: Secret
                metadata: {name: incident-db}
                stringData: {password: example}
                """);
        assertThatThrownBy(() -> DeployFiles.typed(secret, "secret")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("no model for v1/Secret");
    }
}
