package io.incident.notification.channel;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The HTTP call every webhook-style adapter makes, with the vendor's answer turned into a delivery outcome. */
@ApplicationScoped
public class HttpPoster {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @return the response body of a 2xx answer */
    public String postJson(String url, String json, Map<String, String> headers) throws DeliveryException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw DeliveryException.permanent("Not a URL: " + url);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw DeliveryException.transientFailure("No answer from " + uri.getHost() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.transientFailure("Interrupted while sending", e);
        } catch (IllegalArgumentException e) {
            throw DeliveryException.permanent("Cannot send to " + url + ": " + e.getMessage());
        }
        int status = response.statusCode();
        if (HttpStatusPolicy.isSuccess(status)) {
            return response.body();
        }
        String reason = "HTTP " + status + " from " + uri.getHost() + ": " + abbreviate(response.body());
        throw HttpStatusPolicy.isPermanent(status) ? DeliveryException.permanent(reason)
                : DeliveryException.transientFailure(reason, null);
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
