package io.incident.commander.escalation;

import io.incident.commander.CommanderApi;
import io.incident.events.CommanderPaged;
import io.incident.events.DeadlineBreached;
import io.incident.events.DeadlineKind;
import io.incident.events.EventEnvelope;
import io.incident.events.IncidentEscalated;
import io.incident.testkit.InfrastructureTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.incident.commander.CommanderApi.awaitIncident;
import static io.incident.commander.CommanderApi.freshTeam;
import static io.incident.commander.CommanderApi.kafka;
import static io.incident.commander.CommanderApi.lifecycle;
import static io.incident.commander.CommanderApi.now;
import static io.incident.commander.CommanderApi.reported;
import static io.incident.commander.CommanderApi.teamWithPolicy;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** Paging on a report and escalation on a breached acknowledge clock, through the real topics. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class PagingTest {

    private static EventEnvelope breach(UUID incident, Instant dueAt, Instant breachedAt, DeadlineKind kind) {
        return EventEnvelope.wrap(new DeadlineBreached(incident, UUID.randomUUID(), kind, dueAt, breachedAt),
                "/deadline-service", breachedAt);
    }

    @Test
    @DisplayName("R-ACK-2 a likely incident pages level 1 with 5 minutes to acknowledge, a standard alert 15")
    void pagesLevelOne() {
        String team = freshTeam();
        teamWithPolicy(team, team + "-ana", List.of(), null);
        UUID likely = UUID.randomUUID();
        UUID standard = UUID.randomUUID();
        Instant at = now();
        kafka.publish(reported(likely, team, true, false, false, at));
        kafka.publish(reported(standard, team, false, false, false, at));

        CommanderPaged page = lifecycle(likely, CommanderPaged.class, 1).get(0);
        assertThat(page.personRef()).isEqualTo(team + "-ana");
        assertThat(page.team()).isEqualTo(team);
        assertThat(page.escalationLevel()).isEqualTo(1);
        assertThat(page.acknowledgeBy()).isEqualTo(at.plus(Duration.ofMinutes(5)));
        assertThat(lifecycle(standard, CommanderPaged.class, 1).get(0).acknowledgeBy())
                .isEqualTo(at.plus(Duration.ofMinutes(15)));
    }

    @Test
    @DisplayName("R-ACK-2 a report heard after its acknowledge clock ran out pages with the whole goal, and escalates")
    void lateReport() {
        String team = freshTeam();
        teamWithPolicy(team, team + "-ana", List.of(team + "-ben"), Duration.ofMinutes(10));
        UUID incident = UUID.randomUUID();
        Instant reportedAt = now().minus(Duration.ofMinutes(7));
        // The deadline service's breach of the report's clock came first, while this service was behind: there is
        // no incident to escalate yet.
        kafka.publish(breach(incident, reportedAt.plus(Duration.ofMinutes(5)), now(), DeadlineKind.ACKNOWLEDGE));
        kafka.publish(reported(incident, team, true, false, false, reportedAt));

        CommanderPaged page = lifecycle(incident, CommanderPaged.class, 1).get(0);
        assertThat(page.escalationLevel()).isEqualTo(1);
        assertThat(page.acknowledgeBy()).as("five minutes from the page, not from the report")
                .isAfter(now().plus(Duration.ofMinutes(4)));

        // The old clock breaching again changes nothing; the clock restarted from the page escalates.
        kafka.publish(breach(incident, reportedAt.plus(Duration.ofMinutes(5)), now(), DeadlineKind.ACKNOWLEDGE));
        kafka.publish(breach(incident, page.acknowledgeBy(), page.acknowledgeBy(), DeadlineKind.ACKNOWLEDGE));
        IncidentEscalated escalated = lifecycle(incident, IncidentEscalated.class, 1).get(0);
        assertThat(escalated.toLevel()).isEqualTo(2);
        assertThat(lifecycle(incident, CommanderPaged.class, 2)).extracting(CommanderPaged::escalationLevel)
                .containsExactly(1, 2);
    }

    @Test
    @DisplayName("the first clock counts from the report while it runs, from the page once it ran out")
    void firstClockBase() {
        Instant reported = Instant.parse("2026-01-01T10:00:00Z");
        Duration goal = Duration.ofMinutes(5);
        assertThat(Paging.firstClockBase(reported, goal, reported.plusSeconds(30))).isEqualTo(reported);
        assertThat(Paging.firstClockBase(reported, goal, reported.plus(Duration.ofMinutes(6))))
                .isEqualTo(reported.plus(Duration.ofMinutes(6)));
    }

    @Test
    @DisplayName("R-ACK-4 a site-wide incident pages two engineers at level 1")
    void siteWidePagesTwo() {
        String team = freshTeam();
        teamWithPolicy(team, team + "-ana", List.of(team + "-ben"), null);
        UUID incident = UUID.randomUUID();
        kafka.publish(reported(incident, team, true, true, false, now()));

        List<CommanderPaged> pages = lifecycle(incident, CommanderPaged.class, 2);
        assertThat(pages).extracting(CommanderPaged::personRef).containsExactlyInAnyOrder(team + "-ana",
                team + "-ben");
        assertThat(pages).extracting(CommanderPaged::escalationLevel).containsOnly(1);
    }

    @Test
    @DisplayName("R-ACK-2 an acknowledge breach escalates to the next level; exhausted levels go to PO and CTO")
    void escalatesOnBreach() {
        String team = freshTeam();
        teamWithPolicy(team, team + "-ana", List.of(team + "-ben"), Duration.ofMinutes(10));
        UUID incident = UUID.randomUUID();
        Instant at = now();
        kafka.publish(reported(incident, team, true, false, false, at));
        Instant due1 = lifecycle(incident, CommanderPaged.class, 1).get(0).acknowledgeBy();

        Instant breachedAt = due1.plusMillis(250);
        EventEnvelope breach1 = breach(incident, due1, breachedAt, DeadlineKind.ACKNOWLEDGE);
        kafka.publish(breach1);
        IncidentEscalated escalated = lifecycle(incident, IncidentEscalated.class, 1).get(0);
        assertThat(escalated.fromLevel()).isEqualTo(1);
        assertThat(escalated.toLevel()).isEqualTo(2);
        assertThat(escalated.reason()).isEqualTo("acknowledge-deadline-breached");
        CommanderPaged level2 = lifecycle(incident, CommanderPaged.class, 2).stream()
                .filter(p -> p.escalationLevel() == 2).findFirst().orElseThrow();
        assertThat(level2.personRef()).isEqualTo(team + "-ben");
        assertThat(level2.acknowledgeBy()).isEqualTo(breachedAt.plus(Duration.ofMinutes(10)));

        // Level 1's clock breaching again (a second clock, a redelivery) is stale: nothing more happens.
        kafka.publish(breach(incident, due1, breachedAt.plusSeconds(1), DeadlineKind.ACKNOWLEDGE));
        kafka.publish(breach1);
        kafka.publish(breach(incident, level2.acknowledgeBy(), level2.acknowledgeBy(), DeadlineKind.ACKNOWLEDGE));
        List<IncidentEscalated> all = lifecycle(incident, IncidentEscalated.class, 2);
        assertThat(all).extracting(IncidentEscalated::reason)
                .containsExactly("acknowledge-deadline-breached", "levels-exhausted");
        awaitIncident(incident, j -> j.getBoolean("levelsExhausted") && j.getInt("escalationLevel") == 2);
        // The stale breaches were on the same partition before the level-2 breach, so they were applied first:
        // had one escalated, paging would be past level 2 or exhausted sooner.
        assertThat(lifecycle(incident, CommanderPaged.class, 2)).extracting(CommanderPaged::escalationLevel)
                .containsExactly(1, 2);
    }

    @Test
    @DisplayName("R-ACK-2 a team without an escalation policy pages nobody; the incident waits on the dashboard")
    void noPolicy() {
        String team = freshTeam();
        UUID incident = UUID.randomUUID();
        kafka.publish(reported(incident, team, true, false, false, now()));
        // The report is applied and any page written in one transaction: once the incident exists, nobody was paged.
        assertThat(awaitIncident(incident, j -> true).getList("paged")).isEmpty();

        given().accept(ContentType.HTML).get("/").then().statusCode(200)
                .body(containsString(incident.toString()))
                .body(containsString("nobody paged (no escalation policy)"));
    }
}
