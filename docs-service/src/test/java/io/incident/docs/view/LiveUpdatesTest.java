package io.incident.docs.view;

import io.incident.docs.Docs;
import io.incident.testkit.InfrastructureTestResource;
import io.incident.testkit.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import static io.incident.docs.Docs.awaitDocument;
import static io.incident.docs.Docs.kafka;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** R-DOC-1: the open document updates live in the browser through server-sent events. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class LiveUpdatesTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    @DisplayName("R-DOC-1 the stream sends the current revision, then one event per change to that document only")
    void stream() {
        UUID incident = UUID.randomUUID();
        kafka.publish(TestEvents.reported(incident, "Checkout returns 502"));
        awaitDocument(incident, 1);
        UUID other = UUID.randomUUID();
        kafka.publish(TestEvents.reported(other, "Another incident"));
        awaitDocument(other, 1);

        Queue<String> data = new ConcurrentLinkedQueue<>();
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/incidents/" + incident + "/document/stream"))
                .header("Accept", "text/event-stream").build();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        CompletableFuture<Void> reading = response.thenAcceptAsync(r -> r.body()
                .filter(line -> line.startsWith("data:")).forEach(line -> data.add(line.substring(5).trim())));
        try {
            await().atMost(Docs.TIMEOUT).until(() -> data.size() == 1);
            assertThat(data.peek()).contains("\"revision\":1").contains(incident.toString());

            Docs.as("person-ref-7").contentType("application/json").body("{\"kind\":\"update\",\"text\":\"Other.\"}")
                    .post("/incidents/" + other + "/entries").then().statusCode(201);
            Docs.as("person-ref-7").contentType("application/json").body("{\"kind\":\"update\",\"text\":\"Mine.\"}")
                    .post("/incidents/" + incident + "/entries").then().statusCode(201);

            await().atMost(Docs.TIMEOUT).until(() -> data.size() >= 2);
            assertThat(data).hasSize(2).last().asString().contains("\"revision\":2").contains(incident.toString());
        } finally {
            reading.cancel(true);
            response.thenAccept(r -> r.body().close());
        }
    }
}
