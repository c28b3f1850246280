package io.incident.commander.incident;

import io.incident.commander.CommanderApi;
import io.incident.events.CommanderPaged;
import io.incident.events.Severity;
import io.incident.testkit.InfrastructureTestResource;
import io.incident.testkit.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.incident.commander.CommanderApi.ADMIN;
import static io.incident.commander.CommanderApi.as;
import static io.incident.commander.CommanderApi.freshTeam;
import static io.incident.commander.CommanderApi.kafka;
import static io.incident.commander.CommanderApi.lifecycle;
import static io.incident.commander.CommanderApi.person;
import static io.incident.commander.CommanderApi.teamWithPolicy;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** GET /incidents: filters, newest-first pages with a cursor, and security incidents only for those who may see them. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class IncidentListTest {

    /** The query is given already URL-encoded, as a browser would send it. */
    private static JsonPath list(String viewer, String query) {
        return as(viewer).urlEncodingEnabled(false).get("/incidents?" + query).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> ids(JsonPath page) {
        return page.getList("items.id", String.class);
    }

    /** Five incidents of a fresh team, a minute apart, oldest first; the ids are returned in that order. */
    private static List<UUID> fiveIncidents(String team) {
        String[] titles = {"Disk 100% full on db-3", "Checkout slow", "Search returns 500", "Disk 10 full",
                "Login_page blank"};
        Severity[] severities = {Severity.SEV1, Severity.SEV2, Severity.SEV1, Severity.SEV3, Severity.SEV2};
        Instant base = TestEvents.now().minus(Duration.ofMinutes(10));
        List<UUID> ids = new ArrayList<>();
        for (int n = 0; n < titles.length; n++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            kafka.publish(TestEvents.reported(id, titles[n], team, severities[n], base.plus(Duration.ofMinutes(n))));
        }
        await().atMost(CommanderApi.TIMEOUT).until(() -> ids(list(ADMIN, "team=" + team)).size() == titles.length);
        return ids;
    }

    @Test
    @DisplayName("the list filters by team, severity, state, title words and report time, newest first")
    void filters() {
        String team = freshTeam();
        List<UUID> ids = fiveIncidents(team);
        kafka.publish(TestEvents.reported(UUID.randomUUID(), "Disk 100% full elsewhere", freshTeam(), Severity.SEV1,
                TestEvents.now()));

        assertThat(ids(list(ADMIN, "team=" + team))).containsExactly(ids.get(4).toString(), ids.get(3).toString(),
                ids.get(2).toString(), ids.get(1).toString(), ids.get(0).toString());
        assertThat(ids(list(ADMIN, "team=" + team + "&severity=SEV1"))).containsExactly(ids.get(2).toString(),
                ids.get(0).toString());
        assertThat(ids(list(ADMIN, "team=" + team + "&severity=sev3,sev2"))).containsExactly(ids.get(4).toString(),
                ids.get(3).toString(), ids.get(1).toString());
        assertThat(ids(list(ADMIN, "team=" + team + "&state=REPORTED"))).hasSize(5);
        assertThat(ids(list(ADMIN, "team=" + team + "&state=CLOSED&state=RESOLVED"))).isEmpty();
        // '%' and '_' are the caller's characters, not wildcards: as wildcards "0%" would match every title with a
        // 0 in it, and "n_" every title with an n not at the end.
        assertThat(ids(list(ADMIN, "team=" + team + "&q=0%25"))).containsExactly(ids.get(0).toString());
        assertThat(ids(list(ADMIN, "team=" + team + "&q=N_"))).containsExactly(ids.get(4).toString());
        assertThat(ids(list(ADMIN, "team=" + team + "&q=disk"))).containsExactly(ids.get(3).toString(),
                ids.get(0).toString());

        JsonPath first = list(ADMIN, "team=" + team + "&severity=SEV1");
        Instant newestSev1 = Instant.parse(first.getString("items[0].reportedAt"));
        assertThat(ids(list(ADMIN, "team=" + team + "&reportedFrom=" + newestSev1))).containsExactly(
                ids.get(4).toString(), ids.get(3).toString(), ids.get(2).toString());
        assertThat(ids(list(ADMIN, "team=" + team + "&reportedBefore=" + newestSev1))).containsExactly(
                ids.get(1).toString(), ids.get(0).toString());
        assertThat(first.getString("items[0].title")).isEqualTo("Search returns 500");
        assertThat(first.getString("items[0].state")).isEqualTo("REPORTED");
    }

    @Test
    @DisplayName("pages of two follow each other by cursor: every incident once, and the last page has no cursor")
    void pages() {
        String team = freshTeam();
        List<UUID> ids = fiveIncidents(team);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonPath page = list(ADMIN, "team=" + team + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(ids(page)).hasSizeLessThanOrEqualTo(2);
            seen.addAll(ids(page));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly(ids.get(4).toString(), ids.get(3).toString(), ids.get(2).toString(),
                ids.get(1).toString(), ids.get(0).toString());
    }

    @Test
    @DisplayName("R-SEC-2 a security incident is listed only for the security role and its participants")
    void securityIncidentsAreListedOnlyToThoseWhoMaySeeThem() {
        String team = freshTeam();
        String ana = team + "-ana";
        String stranger = team + "-stranger";
        String officer = team + "-officer";
        teamWithPolicy(team, ana, List.of(), null);
        person(stranger, team);
        person(officer, "security", "security");
        UUID open = UUID.randomUUID();
        UUID restricted = UUID.randomUUID();
        kafka.publish(CommanderApi.reported(open, team, true, false, false, CommanderApi.now()));
        kafka.publish(CommanderApi.reported(restricted, team, true, false, true, CommanderApi.now()));
        lifecycle(restricted, CommanderPaged.class, 1);
        await().atMost(CommanderApi.TIMEOUT).until(() -> ids(list(ADMIN, "team=" + team)).size() == 2);

        assertThat(ids(list(stranger, "team=" + team))).containsExactly(open.toString());
        assertThat(ids(given().urlEncodingEnabled(false).get("/incidents?team=" + team).then().statusCode(200).extract().jsonPath()))
                .containsExactly(open.toString());
        assertThat(ids(list(officer, "team=" + team))).contains(open.toString(), restricted.toString());
        assertThat(ids(list(ana, "team=" + team))).contains(open.toString(), restricted.toString());
        assertThat(ids(list(officer, "team=" + team + "&security=true"))).containsExactly(restricted.toString());
    }

    @Test
    @DisplayName("a filter that cannot be read is a 400 problem naming the parameter")
    void badFilters() {
        for (String query : List.of("state=OPENISH", "severity=SEV9", "limit=0", "limit=1000", "cursor=zzz",
                "reportedFrom=yesterday", "team=Not%20A%20Slug", "security=maybe")) {
            String parameter = query.substring(0, query.indexOf('='));
            as(ADMIN).urlEncodingEnabled(false).get("/incidents?" + query).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("title", equalTo("Invalid filter"))
                    .body("detail", containsString("'" + parameter + "'"));
        }
    }
}
