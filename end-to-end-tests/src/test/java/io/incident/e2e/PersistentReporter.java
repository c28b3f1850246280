package io.incident.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends reports as a careful client does while part of the platform fails: each report with its own
 * Idempotency-Key, sent again with the same key after a refusal or a broken connection until intake takes it, so
 * a report is either accepted once or the test fails. Remembers when each was first sent and which incident it got.
 */
final class PersistentReporter {

    /** One report: when it was first sent ({@link System#nanoTime()}), the incident it got, and what refused it. */
    record Sent(String team, String title, long firstSentNanos, UUID incidentId, int attempts, List<String> refusals) {
    }

    private static final Pattern INCIDENT_ID = Pattern.compile("\"incidentId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Duration GIVE_UP = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String intake;
    /** The accepted REST reports by their (unique) titles. */
    final Map<String, Sent> byTitle = new ConcurrentHashMap<>();
    final List<String> refusals = new CopyOnWriteArrayList<>();

    PersistentReporter(String intakeUrl) {
        this.intake = intakeUrl;
    }

    /** A REST report; blocks until it is accepted (or throws after {@link #GIVE_UP}). */
    Sent report(String team, String title) throws InterruptedException {
        String body = "{\"title\":\"" + title + "\",\"team\":\"" + team
                + "\",\"description\":\"Sent by the two-instance kill test.\"}";
        String key = UUID.randomUUID().toString();
        return send(team, title, () -> HttpRequest.newBuilder(URI.create(intake + "/reports"))
                .header("content-type", "application/json").header("Idempotency-Key", key)
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(body)).build(), true);
    }

    /** An alert trigger on a generic webhook; a resend of the same trigger is one more repeat of its dedup key. */
    Sent trigger(String integrationKey, String dedupKey, String title) throws InterruptedException {
        String body = "{\"action\":\"trigger\",\"dedupKey\":\"" + dedupKey + "\",\"title\":\"" + title
                + "\",\"severity\":\"error\"}";
        return send(null, title,
                () -> HttpRequest.newBuilder(URI.create(intake + "/webhooks/generic/" + integrationKey))
                        .header("content-type", "application/json").timeout(Duration.ofSeconds(20))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), false);
    }

    private interface Request {
        HttpRequest build();
    }

    private Sent send(String team, String title, Request request, boolean hasIncident) throws InterruptedException {
        long first = System.nanoTime();
        long giveUp = first + GIVE_UP.toNanos();
        List<String> refused = new CopyOnWriteArrayList<>();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 202) {
                    UUID incident = null;
                    if (hasIncident) {
                        Matcher m = INCIDENT_ID.matcher(r.body());
                        if (!m.find()) {
                            throw new IllegalStateException("202 without an incident id: " + r.body());
                        }
                        incident = UUID.fromString(m.group(1));
                    }
                    Sent sent = new Sent(team, title, first, incident, attempt, List.copyOf(refused));
                    if (hasIncident) {
                        byTitle.put(title, sent);
                    }
                    return sent;
                }
                refused.add("HTTP " + r.statusCode());
                if (r.statusCode() / 100 == 4 && r.statusCode() != 429 && r.statusCode() != 408) {
                    throw new IllegalStateException(title + " was refused for good: " + r.statusCode() + " "
                            + r.body());
                }
            } catch (IOException e) {
                refused.add(e.getClass().getSimpleName());
            }
            refusals.add(title + ": " + refused.get(refused.size() - 1));
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException(title + " was not accepted within " + GIVE_UP.toSeconds() + " s: "
                        + refused);
            }
            Thread.sleep(Math.min(1_000, 100L * attempt));
        }
    }
}
