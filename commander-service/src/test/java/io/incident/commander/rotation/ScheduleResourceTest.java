package io.incident.commander.rotation;

import io.incident.testkit.InfrastructureTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.incident.commander.CommanderApi.ADMIN;
import static io.incident.commander.CommanderApi.as;
import static io.incident.commander.CommanderApi.ensureAdmin;
import static io.incident.commander.CommanderApi.freshTeam;
import static io.incident.commander.CommanderApi.person;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;

/** R-CMD-2 over HTTP: schedules, overrides, who is on call at an instant, and the iCal feed. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class ScheduleResourceTest {

    private static String schedule(String team) {
        ensureAdmin();
        String id = team + "-primary";
        as(ADMIN).body(Map.of("team", team, "name", "Primary", "timeZone", "Europe/Berlin",
                "layers", List.of(Map.of("name", "primary", "start", "2026-03-28T09:00", "turn", "DAILY",
                        "members", List.of(team + "-ana", team + "-ben")))))
                .put("/schedules/" + id).then().statusCode(200);
        return id;
    }

    @Test
    @DisplayName("R-CMD-2 who is on call at an instant, across the spring-forward change, with an override")
    void onCallWithOverride() {
        String team = freshTeam();
        String id = schedule(team);
        given().get("/schedules/" + id + "/on-call?at=2026-03-29T06:59:00Z").then().statusCode(200)
                .body("onCall", contains(team + "-ana"));
        given().get("/schedules/" + id + "/on-call?at=2026-03-29T07:00:00Z").then().statusCode(200)
                .body("onCall", contains(team + "-ben"));

        String overrideId = as(ADMIN).body(Map.of("kind", "REPLACE", "personRef", team + "-cleo",
                        "replaces", team + "-ben", "from", "2026-03-29T10:00:00Z", "to", "2026-03-29T12:00:00Z"))
                .post("/schedules/" + id + "/overrides").then().statusCode(200)
                .extract().path("overrides[0].id");
        given().get("/schedules/" + id + "/on-call?at=2026-03-29T11:00:00Z").then().statusCode(200)
                .body("onCall", contains(team + "-cleo"));
        as(ADMIN).delete("/schedules/" + id + "/overrides/" + overrideId).then().statusCode(200)
                .body("overrides", empty());
        given().get("/schedules/" + id + "/on-call?at=2026-03-29T11:00:00Z").then().statusCode(200)
                .body("onCall", contains(team + "-ben"));
    }

    @Test
    @DisplayName("R-CMD-2 the iCal export lists each shift with the person's name, and filters by person")
    void calendar() {
        String team = freshTeam();
        person(team + "-ana", team);
        String id = schedule(team);
        String ics = given().get("/schedules/" + id + "/calendar.ics?from=2026-03-28T08:00:00Z&days=2")
                .then().statusCode(200).contentType(containsString("text/calendar")).extract().asString();
        assertThat(ics).contains("BEGIN:VCALENDAR", "SUMMARY:On call: Person " + team + "-ana (Primary)",
                "DTSTART:20260328T080000Z", "DTEND:20260329T070000Z", "DTSTART:20260329T070000Z");
        String anaOnly = given().get("/schedules/" + id + "/calendar.ics?from=2026-03-28T08:00:00Z&days=2&person="
                + team + "-ana").then().statusCode(200).extract().asString();
        assertThat(anaOnly).doesNotContain(team + "-ben");
    }

    @Test
    @DisplayName("a schedule with a bad zone, no layers or a layer without members is a 400 problem")
    void validation() {
        String team = freshTeam();
        ensureAdmin();
        as(ADMIN).body(Map.of("team", team, "timeZone", "Nowhere/Land", "layers", List.of()))
                .put("/schedules/" + team + "-x").then().statusCode(400).contentType("application/problem+json");
        as(ADMIN).body(Map.of("team", team, "timeZone", "UTC", "layers", List.of()))
                .put("/schedules/" + team + "-x").then().statusCode(400);
        as(ADMIN).body(Map.of("team", team, "timeZone", "UTC", "layers", List.of(Map.of("start",
                        "2026-03-28T09:00", "turn", "DAILY", "members", List.of()))))
                .put("/schedules/" + team + "-x").then().statusCode(400).contentType("application/problem+json");
        given().get("/schedules/" + team + "-missing/on-call").then().statusCode(404);
        given().get("/schedules/" + schedule(team) + "/on-call?at=yesterday").then().statusCode(400);
    }
}
