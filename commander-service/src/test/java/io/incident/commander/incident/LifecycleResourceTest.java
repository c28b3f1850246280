package io.incident.commander.incident;

import io.restassured.specification.RequestSpecification;
import io.restassured.RestAssured;
import io.incident.runtime.access.SessionCookie;
import io.incident.testkit.Tokens;
import io.incident.commander.CommanderApi;
import io.incident.events.BlockerRaised;
import io.incident.events.CloseObjected;
import io.incident.events.CloseProposed;
import io.incident.events.CommandHandedOff;
import io.incident.events.CommanderAcknowledged;
import io.incident.events.CommanderPaged;
import io.incident.events.HandOffDisputed;
import io.incident.events.HandOffProposed;
import io.incident.events.IncidentClosed;
import io.incident.events.IncidentResolved;
import io.incident.events.IncidentTriaged;
import io.incident.events.SeverityChanged;
import io.incident.events.TriageDecision;
import io.incident.testkit.InfrastructureTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.incident.commander.CommanderApi.ADMIN;
import static io.incident.commander.CommanderApi.as;
import static io.incident.commander.CommanderApi.freshTeam;
import static io.incident.commander.CommanderApi.kafka;
import static io.incident.commander.CommanderApi.lifecycle;
import static io.incident.commander.CommanderApi.now;
import static io.incident.commander.CommanderApi.person;
import static io.incident.commander.CommanderApi.reported;
import static io.incident.commander.CommanderApi.teamWithPolicy;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** The lifecycle over HTTP: who may act, 409s naming the state and the IC, concurrency, and close by consensus. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class LifecycleResourceTest {

    /** A fresh team with {@code ana} on call (and {@code ben} at level 2), and an incident paged to ana. */
    private record Paged(UUID id, String team, String ana, String ben) {
    }

    private static Paged paged(boolean siteWide, boolean security) {
        String team = freshTeam();
        String ana = team + "-ana";
        String ben = team + "-ben";
        teamWithPolicy(team, ana, List.of(ben), null);
        UUID id = UUID.randomUUID();
        kafka.publish(reported(id, team, true, siteWide, security, now()));
        assertThat(lifecycle(id, CommanderPaged.class, siteWide ? 2 : 1)).hasSize(siteWide ? 2 : 1);
        CommanderApi.awaitIncident(id, j -> j.getInt("escalationLevel") == 1);
        return new Paged(id, team, ana, ben);
    }

    private static String path(Paged p, String action) {
        return "/incidents/" + p.id() + "/" + action;
    }

    @Test
    @DisplayName("R-CMD-1 only authenticated people act: no or a forged token is 401, a person not paged is 403")
    void whoMayAcknowledge() {
        Paged p = paged(false, false);
        given().post(path(p, "acknowledge")).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        String token = Tokens.token(p.ana());
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        given().header("Authorization", "Bearer " + forged).post(path(p, "acknowledge")).then().statusCode(401)
                .contentType("application/problem+json").body("title", equalTo("Token refused"));
        given().header("Authorization", "Bearer not-a-token").post(path(p, "acknowledge")).then().statusCode(401);
        as("nobody-known").post(path(p, "acknowledge")).then().statusCode(403)
                .body("title", equalTo("Not in the directory"));
        person(p.team() + "-stranger", p.team());
        as(p.team() + "-stranger").post(path(p, "acknowledge")).then().statusCode(403)
                .contentType("application/problem+json");
        as(p.ana()).body("{\"severity\": \"SEV9\"}").post(path(p, "acknowledge")).then().statusCode(400)
                .contentType("application/problem+json");
        // What a page's acknowledge link sends: the token and no body at all.
        given().header("Authorization", Tokens.bearer(p.ana())).post(path(p, "acknowledge")).then().statusCode(200)
                .body("commander", equalTo(p.ana()));
    }

    @Test
    @DisplayName("R-CMD-1 the paged person acknowledges; a second acknowledgement is a 409 naming the IC")
    void acknowledgeThenConflict() {
        Paged p = paged(true, false);
        as(p.ana()).post(path(p, "acknowledge")).then().statusCode(200)
                .body("state", equalTo("COMMANDED")).body("commander", equalTo(p.ana()));
        CommanderAcknowledged ack = lifecycle(p.id(), CommanderAcknowledged.class, 1).get(0);
        assertThat(ack.personRef()).isEqualTo(p.ana());
        assertThat(ack.team()).isEqualTo(p.team());

        as(p.ben()).post(path(p, "acknowledge")).then().statusCode(409)
                .contentType("application/problem+json")
                .body("state", equalTo("COMMANDED"))
                .body("commander", equalTo(p.ana()))
                .body("detail", containsString(p.ana()));
    }

    @Test
    @DisplayName("R-CMD-1 two simultaneous acknowledgements: exactly one wins, the other is a 409 naming the IC")
    void concurrentAcknowledgements() throws Exception {
        for (int round = 0; round < 3; round++) {
            Paged p = paged(true, false);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Callable<Response>> calls = List.of(p.ana(), p.ben()).stream().<Callable<Response>>map(
                        who -> () -> {
                            start.await();
                            return as(who).post(path(p, "acknowledge")).then().extract().response();
                        }).toList();
                List<Future<Response>> futures = calls.stream().map(pool::submit).toList();
                start.countDown();
                List<Response> responses = futures.stream().map(f -> {
                    try {
                        return f.get();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
                assertThat(responses).extracting(Response::statusCode).containsExactlyInAnyOrder(200, 409);
                Response won = responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
                Response lost = responses.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
                String ic = won.jsonPath().getString("commander");
                assertThat(lost.jsonPath().getString("commander")).isEqualTo(ic);
                assertThat(lost.jsonPath().getString("state")).isEqualTo("COMMANDED");
                assertThat(lifecycle(p.id(), CommanderAcknowledged.class, 1).get(0).personRef()).isEqualTo(ic);
                assertThat(CommanderApi.incident(p.id(), ADMIN).getList("timeline.kind", String.class))
                        .containsOnlyOnce("acknowledged");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    @DisplayName("R-ACK-1 not an incident records a ticket labelled qpp-incident-response and stops the lifecycle")
    void notAnIncident() {
        Paged p = paged(false, false);
        as(p.ana()).body(Map.of("decision", "NOT_AN_INCIDENT", "note", "Planned maintenance"))
                .post(path(p, "triage")).then().statusCode(200)
                .body("state", equalTo("TRIAGED")).body("triageDecision", equalTo("NOT_AN_INCIDENT"));
        IncidentTriaged triaged = lifecycle(p.id(), IncidentTriaged.class, 1).get(0);
        assertThat(triaged.decision()).isEqualTo(TriageDecision.NOT_AN_INCIDENT);
        assertThat(triaged.ticketLabel()).isEqualTo("qpp-incident-response");
        as(p.ana()).post(path(p, "acknowledge")).then().statusCode(409).body("state", equalTo("TRIAGED"));
        as(p.ana()).body(Map.of("decision", "MAYBE")).post(path(p, "triage")).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    @DisplayName("R-SEC-2, R-CMD-4, R-CMD-6 severity, blockers and a two-step hand-off, disputed then accepted")
    void duringTheResponse() {
        Paged p = paged(false, false);
        String carol = freshTeam() + "-carol";
        person(carol, "checkout");
        as(p.ana()).body(Map.of("severity", "SEV1")).post(path(p, "acknowledge")).then().statusCode(200)
                .body("severity", equalTo("SEV1"));

        as(p.ben()).body(Map.of("severity", "SEV3", "reason", "x")).post(path(p, "severity")).then().statusCode(403);
        as(p.ana()).body(Map.of("severity", "SEV2", "reason", "impact verified")).post(path(p, "severity"))
                .then().statusCode(200).body("severity", equalTo("SEV2"));
        assertThat(lifecycle(p.id(), SeverityChanged.class, 2)).extracting(SeverityChanged::to)
                .extracting(Enum::name).containsExactly("SEV1", "SEV2");

        as(p.ana()).body(Map.of("summary", "Need the DBA on call")).post(path(p, "blockers")).then().statusCode(200);
        assertThat(lifecycle(p.id(), BlockerRaised.class, 1).get(0).summary()).isEqualTo("Need the DBA on call");

        as(p.ana()).body(Map.of("toPersonRef", carol, "toTeam", "checkout")).post(path(p, "hand-off"))
                .then().statusCode(200).body("commander", equalTo(p.ana()))
                .body("handOff.toPersonRef", equalTo(carol));
        as(carol).body(Map.of("reason", "Checkout is not the cause")).post(path(p, "hand-off/dispute"))
                .then().statusCode(200).body("commander", equalTo(p.ana()));
        HandOffDisputed disputed = lifecycle(p.id(), HandOffDisputed.class, 1).get(0);
        assertThat(disputed.toTeam()).isEqualTo("checkout");
        assertThat(disputed.fromTeam()).isEqualTo(p.team());

        as(p.ana()).body(Map.of("toPersonRef", carol, "toTeam", "checkout")).post(path(p, "hand-off"))
                .then().statusCode(200);
        as(p.ben()).post(path(p, "hand-off/accept")).then().statusCode(403);
        as(carol).post(path(p, "hand-off/accept")).then().statusCode(200)
                .body("commander", equalTo(carol)).body("team", equalTo("checkout"));
        assertThat(lifecycle(p.id(), HandOffProposed.class, 2)).hasSize(2);
        CommandHandedOff handedOff = lifecycle(p.id(), CommandHandedOff.class, 1).get(0);
        assertThat(handedOff.fromPersonRef()).isEqualTo(p.ana());
        assertThat(handedOff.toPersonRef()).isEqualTo(carol);
        as(p.ana()).post(path(p, "mitigate")).then().statusCode(403);
    }

    @Test
    @DisplayName("R-CLS-1 a close proposal opens a 10-minute objection window; an objection keeps it open")
    void closeByConsensus() {
        Paged p = paged(false, false);
        as(p.ana()).post(path(p, "acknowledge")).then().statusCode(200);
        as(p.ana()).post(path(p, "close-proposals")).then().statusCode(409).body("state", equalTo("COMMANDED"));
        as(p.ana()).post(path(p, "mitigate")).then().statusCode(200).body("state", equalTo("MITIGATED"));
        as(p.ana()).post(path(p, "resolve")).then().statusCode(200).body("state", equalTo("RESOLVED"));
        as(p.ana()).post(path(p, "close")).then().statusCode(409);

        as(p.ana()).post(path(p, "close-proposals")).then().statusCode(200);
        CloseProposed proposed = lifecycle(p.id(), CloseProposed.class, 1).get(0);
        assertThat(Duration.between(proposed.proposedAt(), proposed.objectionWindowEndsAt()))
                .isEqualTo(Duration.ofMinutes(10));
        as(p.ben()).body(Map.of("reason", "Error rate still above normal")).post(path(p, "close-objections"))
                .then().statusCode(200).body("close.objectionStands", equalTo(true));
        assertThat(lifecycle(p.id(), CloseObjected.class, 1).get(0).reason())
                .isEqualTo("Error rate still above normal");
        CommanderApi.advance(Duration.ofMinutes(11));
        as(p.ana()).post(path(p, "close")).then().statusCode(409).body("detail", containsString("objection"));
        assertThat(CommanderApi.incident(p.id(), ADMIN).getList("timeline.text", String.class))
                .contains("Error rate still above normal");

        as(p.ana()).post(path(p, "close-proposals")).then().statusCode(200);
        as(p.ana()).post(path(p, "close")).then().statusCode(409).body("detail", containsString("heard until"));
        CommanderApi.advance(Duration.ofMinutes(10));
        as(p.ben()).body(Map.of("reason", "too late")).post(path(p, "close-objections")).then().statusCode(409);
        as(p.ben()).post(path(p, "close")).then().statusCode(403);
        as(p.ana()).post(path(p, "close")).then().statusCode(200).body("state", equalTo("CLOSED"));
        IncidentClosed closed = lifecycle(p.id(), IncidentClosed.class, 1).get(0);
        assertThat(closed.closedBy()).isEqualTo(p.ana());
        assertThat(closed.team()).isEqualTo(p.team());
        as(p.ana()).post(path(p, "close")).then().statusCode(409).body("state", equalTo("CLOSED"));
    }

    @Test
    @DisplayName("R-CLS-1 the incident page has the acknowledge form, and later the objection form that works")
    void htmlForms() {
        Paged p = paged(false, false);
        given().accept(ContentType.HTML).get("/incidents/" + p.id()).then().statusCode(200)
                .body(containsString("/incidents/" + p.id() + "/forms/acknowledge"))
                .body(containsString("Sign in at"));
        signedIn(p.ana()).accept(ContentType.HTML).get("/incidents/" + p.id()).then().statusCode(200)
                .body(containsString("Acting as <strong>" + p.ana()));
        signedIn(p.ana()).contentType(ContentType.URLENC).redirects().follow(false)
                .post(path(p, "forms/acknowledge")).then().statusCode(303);
        as(p.ana()).post(path(p, "resolve")).then().statusCode(200);
        as(p.ana()).post(path(p, "close-proposals")).then().statusCode(200);
        given().accept(ContentType.HTML).get("/incidents/" + p.id()).then().statusCode(200)
                .body(containsString("Is anyone opposed to closing this incident?"))
                .body(not(containsString("/forms/acknowledge")));
        signedIn(p.ben()).contentType(ContentType.URLENC).formParam("reason", "Not <yet>")
                .redirects().follow(false).post(path(p, "forms/close-objections")).then().statusCode(303);
        given().accept(ContentType.HTML).get("/incidents/" + p.id()).then().statusCode(200)
                .body(containsString("Not &lt;yet&gt;"));
        given().contentType(ContentType.URLENC).formParam("reason", "anon").redirects().follow(false)
                .post(path(p, "forms/close-objections")).then().statusCode(401);
    }

    @Test
    @DisplayName("a form post with the session cookie from another origin, or naming none, is refused (CSRF)")
    void crossSiteFormsRefused() {
        Paged p = paged(false, false);
        given().cookie(SessionCookie.NAME, Tokens.token(p.ana())).header("Origin", "http://evil.example.org")
                .contentType(ContentType.URLENC).redirects().follow(false).post(path(p, "forms/acknowledge"))
                .then().statusCode(403).contentType("application/problem+json")
                .body("title", equalTo("Cross-site request refused"));
        // Another service on the same host is another origin: the cookie reaches it, the form must not work.
        given().cookie(SessionCookie.NAME, Tokens.token(p.ana())).header("Origin", "http://localhost:1")
                .contentType(ContentType.URLENC).redirects().follow(false).post(path(p, "forms/acknowledge"))
                .then().statusCode(403);
        given().cookie(SessionCookie.NAME, Tokens.token(p.ana())).contentType(ContentType.URLENC)
                .redirects().follow(false).post(path(p, "forms/acknowledge")).then().statusCode(403);
        as(p.ana()).get("/incidents/" + p.id()).then().statusCode(200).body("state", not(equalTo("COMMANDED")));
    }

    /** A browser signed in at /session, posting from this service's own page. */
    private static RequestSpecification signedIn(String person) {
        return given().cookie(SessionCookie.NAME, Tokens.token(person))
                .header("Origin", "http://localhost:" + RestAssured.port);
    }

    @Test
    @DisplayName("security incidents are visible only to the security role and participants; 404 to others")
    void securityVisibility() {
        Paged p = paged(false, true);
        String stranger = p.team() + "-stranger";
        String officer = p.team() + "-officer";
        person(stranger, p.team());
        person(officer, "security", "security");
        given().get("/incidents/" + p.id()).then().statusCode(404);
        as(stranger).get("/incidents/" + p.id()).then().statusCode(404);
        as(stranger).body(Map.of("reason", "x")).post(path(p, "close-objections")).then().statusCode(404);
        as(officer).get("/incidents/" + p.id()).then().statusCode(200).body("security", equalTo(true));
        as(p.ana()).get("/incidents/" + p.id()).then().statusCode(200);
        given().accept(ContentType.HTML).get("/").then().statusCode(200)
                .body(not(containsString("Checkout fails " + p.id())));
    }

    @Test
    @DisplayName("R-CMD-8 the SI on-call routes a generic report to a team, whose on-call is paged at level 1")
    void routeGenericReport() {
        Paged p = paged(false, false);
        String other = freshTeam();
        teamWithPolicy(other, other + "-dev", List.of(), null);
        as(p.ana()).body(Map.of("team", other)).post(path(p, "route")).then().statusCode(200)
                .body("team", equalTo(other)).body("paged", org.hamcrest.Matchers.hasItem(other + "-dev"));
        CommanderPaged page = lifecycle(p.id(), CommanderPaged.class, 2).get(1);
        assertThat(page.team()).isEqualTo(other);
        assertThat(page.personRef()).isEqualTo(other + "-dev");
        assertThat(page.escalationLevel()).isEqualTo(1);
        as(other + "-dev").post(path(p, "acknowledge")).then().statusCode(200).body("commander",
                equalTo(other + "-dev"));
        as(p.ana()).body(Map.of("team", p.team())).post(path(p, "route")).then().statusCode(409);
    }

    @Test
    @DisplayName("R-CMD-5 a fatigue-rotation breach flags the incident until command is handed off")
    void fatigueRotation() {
        Paged p = paged(false, false);
        String carol = freshTeam() + "-carol";
        person(carol, p.team());
        as(p.ana()).post(path(p, "acknowledge")).then().statusCode(200).body("rotationDue", equalTo(false));
        kafka.publish(io.incident.events.EventEnvelope.wrap(new io.incident.events.DeadlineBreached(p.id(),
                UUID.randomUUID(), io.incident.events.DeadlineKind.FATIGUE_ROTATION, now(), now()),
                "/deadline-service", now()));
        CommanderApi.awaitIncident(p.id(), j -> j.getBoolean("rotationDue"));
        given().accept(ContentType.HTML).get("/").then().body(containsString("rotate team"));
        as(p.ana()).body(Map.of("toPersonRef", carol)).post(path(p, "hand-off")).then().statusCode(200);
        as(carol).post(path(p, "hand-off/accept")).then().statusCode(200).body("rotationDue", equalTo(false));
    }

    @Test
    @DisplayName("a monitoring tool's acknowledge is only a note: nobody takes command")
    void toolAcknowledge() {
        Paged p = paged(false, false);
        kafka.publish(io.incident.events.EventEnvelope.wrap(new io.incident.events.AcknowledgeRequested(p.id(),
                UUID.randomUUID(), io.incident.events.ReportChannel.PAGERDUTY, now()), "/intake-service", now()));
        io.restassured.path.json.JsonPath json = CommanderApi.awaitIncident(p.id(),
                j -> j.getList("timeline.kind", String.class).contains("tool-acknowledged"));
        assertThat(json.getString("commander")).isNull();
        assertThat(json.getString("state")).isEqualTo("REPORTED");
    }

    @Test
    @DisplayName("a monitoring tool's resolve resolves an incident nobody commands")
    void toolResolve() {
        Paged p = paged(false, false);
        kafka.publish(io.incident.events.EventEnvelope.wrap(new io.incident.events.ResolveRequested(p.id(),
                UUID.randomUUID(), io.incident.events.ReportChannel.PAGERDUTY, now()), "/intake-service", now()));
        assertThat(lifecycle(p.id(), IncidentResolved.class, 1).get(0).by()).isEqualTo("monitoring:PAGERDUTY");
        as(p.ana()).post(path(p, "acknowledge")).then().statusCode(409).body("state", equalTo("RESOLVED"));
    }

    @Test
    @DisplayName("the dashboard shows the acknowledge clock of a waiting incident and the active IC")
    void dashboard() {
        Paged waiting = paged(false, false);
        Paged commanded = paged(false, false);
        as(commanded.ana()).post(path(commanded, "acknowledge")).then().statusCode(200);
        given().accept(ContentType.HTML).get("/").then().statusCode(200)
                .body(containsString("level 1 (" + waiting.ana() + ")"))
                .body(containsString(commanded.ana()))
                .body(containsString(waiting.team() + " primary"));
    }
}
