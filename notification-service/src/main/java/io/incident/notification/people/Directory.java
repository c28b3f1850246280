package io.incident.notification.people;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incident.runtime.RuntimeConfig;
import io.incident.runtime.access.ServiceToken;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where to reach a person or a reporter: events carry only references, so the addresses come from the services
 * that keep them (commander's {@code GET /people/{ref}}, intake's {@code GET /reporters/{ref}}).
 *
 * <p>Addresses found are kept for {@link #TTL}: during a storm the same few commanders are paged hundreds of times,
 * and a round trip to another service per notice, inside the consumer's transaction, was most of the planner's time.
 * A changed address reaches notices planned a minute later at most. Unknown people are not kept, so someone added
 * to the directory is found at once.
 */
@ApplicationScoped
public class Directory {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final Duration TTL = Duration.ofSeconds(60);

    private record Cached(String email, long expiresAtNanos) {
    }

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final RuntimeConfig config;
    private final ServiceToken serviceToken;

    public Directory(RuntimeConfig config, ServiceToken serviceToken) {
        this.config = config;
        this.serviceToken = serviceToken;
    }

    /** The person's e-mail address; empty if the directory does not know them. */
    public Optional<String> personEmail(String personRef) {
        return lookup("commander-service", "/people/", personRef);
    }

    /** The reporter's e-mail address; empty if intake does not know them. */
    public Optional<String> reporterEmail(String reporterRef) {
        return lookup("intake-service", "/reporters/", reporterRef);
    }

    private Optional<String> lookup(String service, String path, String ref) {
        String key = service + path + ref;
        Cached hit = cache.get(key);
        long now = System.nanoTime();
        if (hit != null && hit.expiresAtNanos() - now > 0) {
            return Optional.of(hit.email());
        }
        Optional<String> found = fetch(service, path, ref);
        found.ifPresentOrElse(email -> cache.put(key, new Cached(email, now + TTL.toNanos())), () -> cache.remove(key));
        return found;
    }

    private Optional<String> fetch(String service, String path, String ref) {
        String base = config.urls().get(service);
        if (base == null) {
            throw new IllegalStateException("incident.urls." + service + " is not set");
        }
        URI uri = URI.create(base.replaceAll("/+$", "") + path + URLEncoder.encode(ref, StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = http.send(serviceToken.authorise(HttpRequest.newBuilder(uri)).timeout(Duration.ofSeconds(5))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // The cause (a ConnectException when the service is down) lets the consumer retry until it is back.
            throw new IllegalStateException(service + " did not answer " + path + "{ref}", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking " + service, e);
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(service + " answered " + response.statusCode() + " for " + path + "{ref}");
        }
        try {
            JsonNode email = JSON.readTree(response.body()).get("email");
            return email == null || email.isNull() || email.asText().isBlank() ? Optional.empty()
                    : Optional.of(email.asText());
        } catch (IOException e) {
            throw new IllegalStateException(service + " answered something other than JSON", e);
        }
    }
}
