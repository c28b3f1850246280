package io.incident.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server standing in for everything this service calls over HTTP: the commander's people directory,
 * intake's reporter store, Slack / Teams / Mattermost incoming webhooks, a room-topic API, a generic webhook
 * receiver and a Jira-compatible REST API. It records every request and answers with scripted statuses.
 */
public final class VendorStandIn {

    public record Request(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private static VendorStandIn instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, String> people = new ConcurrentHashMap<>();
    private final Map<String, String> reporters = new ConcurrentHashMap<>();
    private final Map<String, Deque<Integer>> scripted = new ConcurrentHashMap<>();
    private final Map<String, Integer> always = new ConcurrentHashMap<>();
    private final AtomicInteger tickets = new AtomicInteger();

    private VendorStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    public static synchronized VendorStandIn get() {
        if (instance == null) {
            try {
                instance = new VendorStandIn();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void person(String ref, String email) {
        people.put(ref, email);
    }

    public void reporter(String ref, String email) {
        reporters.put(ref, email);
    }

    /** The next answers for {@code path}, in order; afterwards 200 (or what {@link #alwaysAnswer} set). */
    public void script(String path, Integer... statuses) {
        scripted.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(statuses));
    }

    public void alwaysAnswer(String path, int status) {
        always.put(path, status);
    }

    public synchronized List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        synchronized (this) {
            requests.add(new Request(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body));
        }
        if (path.startsWith("/people/") || path.startsWith("/reporters/")) {
            boolean person = path.startsWith("/people/");
            String ref = path.substring(path.lastIndexOf('/') + 1);
            String email = (person ? people : reporters).get(ref);
            if (email == null) {
                send(exchange, 404, "{\"title\":\"Not Found\",\"status\":404}");
            } else {
                send(exchange, 200, JSON.writeValueAsString(Map.of("ref", ref, "email", email, "name", "Test Person")));
            }
            return;
        }
        Deque<Integer> queue = scripted.get(path);
        Integer next = queue == null ? null : queue.poll();
        int status = next != null ? next : always.getOrDefault(path, 200);
        if (status == 200 && path.endsWith("/rest/api/2/issue")) {
            int n = tickets.incrementAndGet();
            send(exchange, 201, "{\"id\":\"" + (10000 + n) + "\",\"key\":\"QPP-" + n + "\"}");
            return;
        }
        send(exchange, status, status == 200 ? "ok" : "{\"error\":\"scripted " + status + "\"}");
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(bytes);
        }
    }
}
