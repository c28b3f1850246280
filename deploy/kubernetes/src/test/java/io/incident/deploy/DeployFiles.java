package io.incident.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The files of {@code deploy/} and how to read them: strict YAML (a duplicate key is an error), every Kubernetes
 * and Strimzi document as its typed fabric8 or Strimzi model, and a reflective walk that finds the fields a model
 * did not know (they end up in {@code getAdditionalProperties()} instead of failing deserialization).
 */
final class DeployFiles {

    /** The five services, as the modules of the reactor and the names of everything deployed for them. */
    static final List<String> SERVICES = List.of("intake-service", "commander-service", "notification-service",
            "deadline-service", "docs-service");

    /** apiVersion/kind to the model class each document must deserialize into; anything else is refused. */
    static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1/Namespace", Namespace.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "kafka.strimzi.io/v1beta2/Kafka", Kafka.class,
            "kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class,
            "kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class);

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeployFiles() {
    }

    /** {@code deploy/}; set by the build (surefire), found from the working directory otherwise. */
    static Path deployDir() {
        String configured = System.getProperty("deploy.root");
        Path dir = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
        if (!Files.isDirectory(dir.resolve("kubernetes"))) {
            throw new IllegalStateException(dir + " is not the deploy/ directory");
        }
        return dir.toAbsolutePath().normalize();
    }

    static Path repositoryRoot() {
        return deployDir().getParent();
    }

    static Path kubernetesDir() {
        return deployDir().resolve("kubernetes");
    }

    /** The YAML files at the top of deploy/kubernetes (the manifests and kustomization.yaml). */
    static List<Path> kubernetesYamlFiles() {
        try (Stream<Path> files = Files.list(kubernetesDir())) {
            return files.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every YAML and JSON file under deploy/ that this module owns (deploy/local is another module's). */
    static List<Path> allOwnedDataFiles() {
        List<Path> result = new ArrayList<>();
        for (String dir : List.of("kubernetes", "compose", "observability")) {
            try (Stream<Path> files = Files.walk(deployDir().resolve(dir))) {
                files.filter(Files::isRegularFile)
                        .filter(p -> !p.startsWith(deployDir().resolve("kubernetes/target")))
                        .filter(p -> !p.startsWith(deployDir().resolve("kubernetes/src")))
                        .filter(p -> p.getFileName().toString().matches(".*\\.(ya?ml|json)"))
                        .forEach(result::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return result.stream().sorted().toList();
    }

    /**
     * The documents of a YAML file, each a mapping; empty documents (a file's leading comment) are left out.
     * Fails on a syntax error, a duplicate key or a document that is not a mapping.
     */
    static List<Map<String, Object>> yamlDocuments(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            int index = 0;
            for (Object document : yaml.loadAll(reader)) {
                index++;
                if (document == null) {
                    continue;
                }
                if (!(document instanceof Map<?, ?> map)) {
                    throw new AssertionError(file + " document " + index + " is not a mapping: " + document);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) map;
                documents.add(typed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new AssertionError(file + " is not valid YAML: " + e.getMessage(), e);
        }
        return documents;
    }

    static Map<String, Object> yamlDocument(Path file) {
        List<Map<String, Object>> documents = yamlDocuments(file);
        if (documents.size() != 1) {
            throw new AssertionError(file + " should hold one YAML document, has " + documents.size());
        }
        return documents.get(0);
    }

    static JsonNode json(Path file) {
        try {
            return JSON.reader().with(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .readTree(Files.readString(file));
        } catch (IOException e) {
            throw new AssertionError(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** A Kubernetes object read from a manifest: where it came from, its raw map and its typed model. */
    record K8sObject(Path file, int document, Map<String, Object> raw, HasMetadata typed) {
        String where() {
            return file.getFileName() + " #" + document + " " + typed.getKind() + "/" + typed.getMetadata().getName();
        }
    }

    /**
     * kustomization.yaml. The fabric8 Kustomize model is not published for the fabric8 version Quarkus manages, so
     * it is read as a map and every key, at every level this project uses, is checked against the Kustomize schema.
     */
    record Kustomization(String namespace, List<String> resources, List<Map<String, Object>> images,
                         List<Map<String, Object>> labels, List<String> unknownFields) {
        String getNamespace() {
            return namespace;
        }

        List<String> getResources() {
            return resources;
        }
    }

    private static final Set<String> KUSTOMIZATION_FIELDS = Set.of("apiVersion", "kind", "metadata", "namespace",
            "namePrefix", "nameSuffix", "resources", "components", "images", "labels", "commonLabels",
            "commonAnnotations", "configMapGenerator", "secretGenerator", "generatorOptions", "patches", "replicas",
            "replacements", "transformers", "generators", "buildMetadata", "crds", "openapi", "helmCharts",
            "sortOptions");
    private static final Set<String> IMAGE_FIELDS = Set.of("name", "newName", "newTag", "digest", "tagSuffix");
    private static final Set<String> LABEL_FIELDS = Set.of("pairs", "includeSelectors", "includeTemplates", "fields");

    @SuppressWarnings("unchecked")
    static Kustomization kustomization() {
        Path file = kubernetesDir().resolve("kustomization.yaml");
        Map<String, Object> raw = yamlDocument(file);
        List<String> unknown = new ArrayList<>();
        raw.keySet().stream().filter(k -> !KUSTOMIZATION_FIELDS.contains(k)).forEach(k -> unknown.add("." + k));
        if (!"kustomize.config.k8s.io/v1beta1".equals(raw.get("apiVersion")) || !"Kustomization".equals(raw.get("kind"))) {
            unknown.add("apiVersion/kind is not kustomize.config.k8s.io/v1beta1 Kustomization");
        }
        List<String> resources = raw.get("resources") == null ? List.of()
                : list(raw.get("resources"), "resources").stream().map(String::valueOf).toList();
        List<Map<String, Object>> images = raw.get("images") == null ? List.of()
                : list(raw.get("images"), "images").stream().map(i -> map(i, "image")).toList();
        List<Map<String, Object>> labels = raw.get("labels") == null ? List.of()
                : list(raw.get("labels"), "labels").stream().map(i -> map(i, "label")).toList();
        for (int i = 0; i < images.size(); i++) {
            for (String key : images.get(i).keySet()) {
                if (!IMAGE_FIELDS.contains(key)) {
                    unknown.add(".images[" + i + "]." + key);
                }
            }
        }
        for (int i = 0; i < labels.size(); i++) {
            for (String key : labels.get(i).keySet()) {
                if (!LABEL_FIELDS.contains(key)) {
                    unknown.add(".labels[" + i + "]." + key);
                }
            }
        }
        return new Kustomization((String) raw.get("namespace"), resources, images, labels, unknown);
    }

    /** Every object of every resource file that kustomization.yaml lists, as its typed model. */
    static List<K8sObject> kubernetesObjects() {
        List<K8sObject> objects = new ArrayList<>();
        for (String resource : kustomization().getResources()) {
            Path file = kubernetesDir().resolve(resource);
            int index = 0;
            for (Map<String, Object> raw : yamlDocuments(file)) {
                index++;
                objects.add(new K8sObject(file, index, raw, typed(raw, file + " #" + index)));
            }
        }
        return objects;
    }

    static HasMetadata typed(Map<String, Object> raw, String where) {
        String key = raw.get("apiVersion") + "/" + raw.get("kind");
        Class<? extends HasMetadata> type = KINDS.get(key);
        if (type == null) {
            throw new AssertionError(where + ": no model for " + key + "; known: " + new TreeSet<>(KINDS.keySet()));
        }
        HasMetadata object = convert(raw, type, where);
        if (object.getMetadata() == null || object.getMetadata().getName() == null) {
            throw new AssertionError(where + ": metadata.name is missing");
        }
        return object;
    }

    static <T> T convert(Map<String, Object> raw, Class<T> type, String where) {
        try {
            return SERIALIZATION.unmarshal(JSON.writeValueAsString(raw), type);
        } catch (Exception e) {
            throw new AssertionError(where + " does not deserialize as " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    static <T extends HasMetadata> List<T> objectsOf(List<K8sObject> objects, Class<T> type) {
        return objects.stream().map(K8sObject::typed).filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * Fields the models did not know, anywhere in the object graph: each model class keeps what it could not map in
     * {@code getAdditionalProperties()}, so a misspelt or misplaced key (or one of the wrong type) lands there.
     */
    static List<String> unknownFields(Object root) {
        List<String> found = new ArrayList<>();
        walk(root, "", found, Collections.newSetFromMap(new IdentityHashMap<>()));
        return found;
    }

    private static void walk(Object value, String path, List<String> found, Set<Object> seen) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                walk(element, path + "[" + i++ + "]", found, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, found, seen));
            return;
        }
        if (!isModel(value.getClass()) || !seen.add(value)) {
            return;
        }
        for (Method method : value.getClass().getMethods()) {
            String name = method.getName();
            if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())
                    || method.getDeclaringClass() == Object.class
                    || !(name.startsWith("get") || name.startsWith("is"))) {
                continue;
            }
            Object property;
            try {
                property = method.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (name.equals("getAdditionalProperties")) {
                if (property instanceof Map<?, ?> additional && !additional.isEmpty()) {
                    found.add((path.isEmpty() ? "." : path) + " has unknown field(s) " + additional.keySet());
                }
                continue;
            }
            walk(property, path + "." + propertyName(name), found, seen);
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.fabric8.kubernetes.api.model.") || name.startsWith("io.strimzi.api.");
    }

    private static String propertyName(String getter) {
        String bare = getter.startsWith("is") ? getter.substring(2) : getter.substring(3);
        return bare.isEmpty() ? bare : Character.toLowerCase(bare.charAt(0)) + bare.substring(1);
    }

    /** A service module's application.properties (only read, to compare ports and channels with the manifests). */
    static Properties applicationProperties(String service) {
        return properties(repositoryRoot().resolve(service).resolve("src/main/resources/application.properties"));
    }

    static Properties properties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    static int httpPort(String service) {
        return Integer.parseInt(applicationProperties(service).getProperty("quarkus.http.port"));
    }

    /** service name to its incoming channel names (mp.messaging.incoming.NAME.topic = TOPIC) with their topics. */
    static Map<String, Map<String, String>> incomingChannels() {
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Properties properties = applicationProperties(service);
            Map<String, String> channels = new LinkedHashMap<>();
            for (String key : properties.stringPropertyNames().stream().sorted().collect(Collectors.toList())) {
                if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic")) {
                    String channel = key.substring("mp.messaging.incoming.".length(), key.length() - ".topic".length());
                    channels.put(channel, properties.getProperty(key));
                }
            }
            result.put(service, channels);
        }
        return result;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String where) {
        if (!(value instanceof Map<?, ?>)) {
            throw new AssertionError(where + " should be a mapping, is " + value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value, String where) {
        if (!(value instanceof List<?>)) {
            throw new AssertionError(where + " should be a list, is " + value);
        }
        return (List<Object>) value;
    }
}
