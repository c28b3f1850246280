package io.incident.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incident.local.AccessTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the load drivers enter into a running stack before they load it, through the public APIs only: the
 * organisation (its first admin and a CTO) and invented teams, each with four people, a weekly primary and a
 * secondary schedule, an escalation policy and a product-owner stakeholder. Every request that acts as a person
 * goes through {@link #as}, signed with the stack's key as {@code ./stack token} does.
 */
final class PlatformSetup {

    /** The organisation's first admin: while the directory has no admin, any named actor may enter one. */
    static final String ADMIN = "load-admin";
    static final String[] FIRST_NAMES = {"Ada", "Bo", "Cato", "Dara", "Eli", "Fenn", "Gia", "Hal", "Ines",
            "Jory", "Kit", "Lior", "Mina", "Nell", "Oren", "Pia", "Quill", "Rhea", "Sol", "Tam"};

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private final HttpClient http;
    private final String commander;
    private final String notification;

    PlatformSetup(HttpClient http, String commander, String notification) {
        this.http = http;
        this.commander = commander;
        this.notification = notification;
    }

    /** The first admin, a company-wide CTO and the organisation team that names the CTO. */
    void enterOrganisation() throws Exception {
        put(commander + "/people/" + ADMIN, ADMIN, Map.of("name", "Avery Loadwright", "email",
                ADMIN + "@example.org", "team", "organisation", "timeZone", "UTC", "roles", List.of("admin")), 200);
        put(commander + "/people/load-cto", ADMIN, Map.of("name", "Casey Benchley", "email",
                "load-cto@example.org", "team", "organisation", "timeZone", "UTC", "roles", List.of()), 200);
        put(commander + "/teams/organisation", ADMIN, Map.of("roles", Map.of("CTO", List.of("load-cto"))), 200);
    }

    /**
     * A team whose first two people take weekly turns as first responders, the third backs them up and the fourth
     * owns the product. Safe to repeat: people, schedules and the policy are replaced, and the product-owner
     * stakeholder is only added when the team has none at that address yet.
     *
     * @param index the team's place in the run, so its people get different first names
     * @return the team's four people, in that order
     */
    List<String> enterTeam(String team, int index) throws Exception {
        List<String> people = new ArrayList<>();
        String surname = capitalise(team.replaceAll("[^a-z]", "")) + "worth";
        for (int p = 0; p < 4; p++) {
            String ref = team + "-" + (p + 1);
            put(commander + "/people/" + ref, ADMIN, Map.of("name", FIRST_NAMES[(index * 4 + p) % FIRST_NAMES.length]
                    + " " + surname, "email", ref + "@example.org", "team", team, "timeZone", "UTC",
                    "roles", List.of()), 200);
            people.add(ref);
        }
        put(commander + "/teams/" + team, ADMIN, Map.of("roles", Map.of("PRODUCT_OWNER", List.of(people.get(3)))),
                200);
        schedule(team + "-primary", team, List.of(people.get(0), people.get(1)));
        schedule(team + "-secondary", team, List.of(people.get(2)));
        put(commander + "/escalation-policies/" + team, ADMIN, Map.of("levels", List.of(
                Map.of("schedule", team + "-primary"), Map.of("schedule", team + "-secondary")), "repeat", 0), 200);
        String owners = team + "-owners@example.org";
        if (!hasStakeholder(team, owners)) {
            post(notification + "/stakeholders", ADMIN, Map.of("team", team, "role", "PRODUCT_OWNER",
                    "minSeverity", "SEV4", "channel", "EMAIL", "address", owners), 201);
        }
        return people;
    }

    private void schedule(String id, String team, List<String> members) throws Exception {
        put(commander + "/schedules/" + id, ADMIN, Map.of("team", team, "name", id, "timeZone", "UTC",
                "layers", List.of(Map.of("name", "around the clock", "start", "2026-01-05T09:00", "turn", "WEEKLY",
                        "members", members))), 200);
    }

    private boolean hasStakeholder(String team, String address) throws Exception {
        for (JsonNode s : send("GET", notification + "/stakeholders?team=" + team, ADMIN, null, 200)) {
            if (address.equals(s.path("address").asText())) {
                return true;
            }
        }
        return false;
    }

    JsonNode put(String url, String actor, Object body, int expected) throws Exception {
        return send("PUT", url, actor, body, expected);
    }

    JsonNode post(String url, String actor, Object body, int expected) throws Exception {
        return send("POST", url, actor, body, expected);
    }

    /** One request as {@code actor}; any answer but {@code expected} ends the setup with what the service said. */
    private JsonNode send(String method, String url, String actor, Object body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> r = http.send(as(actor, request).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
    }

    /**
     * The one place a request names the person it acts for: their bearer token. The setup admin's token carries
     * the admin role, so it may change the directory even after other admins are in it; everyone else acts as a
     * commander and must be a person of the directory, as the services require once an admin is in it.
     */
    static HttpRequest.Builder as(String person, HttpRequest.Builder request) {
        String token = TOKENS.computeIfAbsent(person, p -> Signer.KEYS.token(p, Duration.ofHours(12),
                p.equals(ADMIN) ? List.of("admin") : List.of("commander")));
        return request.header("Authorization", "Bearer " + token);
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The stack's signing key, read once, lazily. */
    private static final class Signer {
        static final AccessTokens KEYS = load();

        private static AccessTokens load() {
            try {
                return AccessTokens.stored(Path.of(System.getProperty("stack.root", ".")).toAbsolutePath()
                        .resolve(".run/secrets/token-signing-key.pem"));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the stack's signing key; is the stack started?", e);
            }
        }
    }
}
