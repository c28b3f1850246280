package io.incident.e2e;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chat service's incoming webhooks, standing in for Slack, and a Jira-compatible ticketing API: a real HTTP server
 * on a free port that records every post the notification service makes to it, so a scenario can check what the
 * chat channel and the ticketing system received.
 */
final class ChatStandIn implements AutoCloseable {

    /** One post as the chat service saw it. */
    record Post(String path, String idempotencyKey, String body) {
    }

    private final HttpServer server;
    private final List<Post> posts = new ArrayList<>();

    private ChatStandIn(HttpServer server) {
        this.server = server;
    }

    static ChatStandIn start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        ChatStandIn standIn = new ChatStandIn(server);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                synchronized (standIn.posts) {
                    standIn.posts.add(new Post(exchange.getRequestURI().getPath(),
                            exchange.getRequestHeaders().getFirst("Idempotency-Key"), body));
                }
                // Jira answers a created issue with its key; a chat webhook answers "ok".
                boolean ticket = exchange.getRequestURI().getPath().endsWith("/rest/api/2/issue");
                byte[] ok = (ticket ? "{\"id\":\"10001\",\"key\":\"OPS-1\"}" : "ok")
                        .getBytes(StandardCharsets.UTF_8);
                if (ticket) {
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                }
                exchange.sendResponseHeaders(ticket ? 201 : 200, ok.length);
                exchange.getResponseBody().write(ok);
            } finally {
                exchange.close();
            }
        });
        server.start();
        return standIn;
    }

    /** The incoming-webhook URL of a channel. */
    String url(String channel) {
        return base() + "/hooks/" + channel;
    }

    /** The base URL of the ticketing API; issues are created at {@code /jira/rest/api/2/issue}. */
    String ticketingUrl() {
        return base() + "/jira";
    }

    private String base() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    List<Post> posts() {
        synchronized (posts) {
            return List.copyOf(posts);
        }
    }

    /**
     * The chat half of the final sweep: posts only to channels a stakeholder was given, each naming its delivery,
     * and no delivery posted twice.
     */
    void assertOnlyKnownChannelsAndNothingTwice(List<String> knownChannels) {
        List<Post> received = posts();
        List<String> known = new ArrayList<>(knownChannels.stream().map(c -> "/hooks/" + c).toList());
        known.add("/jira/rest/api/2/issue");
        assertThat(received).as("posts to channels no stakeholder or team setting was given")
                .allSatisfy(p -> assertThat(known).contains(p.path()));
        assertThat(received).as("every chat post names its delivery").allSatisfy(p ->
                assertThat(p.idempotencyKey()).isNotBlank());
        Map<String, Long> perDelivery = received.stream()
                .collect(Collectors.groupingBy(Post::idempotencyKey, TreeMap::new, Collectors.counting()));
        assertThat(perDelivery).as("chat deliveries posted more than once")
                .allSatisfy((key, count) -> assertThat(count).isEqualTo(1L));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
