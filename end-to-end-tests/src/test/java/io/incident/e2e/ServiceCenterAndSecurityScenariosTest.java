package io.incident.e2e;

import io.incident.events.IncidentReported;
import io.incident.events.Topics;
import io.incident.local.Service;
import io.incident.local.Stack;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.incident.e2e.Platform.INTAKE_DOMAIN;
import static io.incident.e2e.Platform.about;
import static io.incident.e2e.Platform.body;
import static io.incident.e2e.Platform.status;
import static io.incident.e2e.Platform.subject;
import static io.incident.e2e.Platform.to;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two more scripts of the incident response plan on the whole running stack: the system integrator answering a
 * report from the service center, and personal data e-mailed to a team address. The second moves the clocks past an
 * hour, so the scenarios run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceCenterAndSecurityScenariosTest {

    private static final String ADMIN = "admin-1";
    /** Invented personal data: an SSN of a range the SSA never issues, and a made-up birth date. */
    private static final String SSN = "123-45-6789";
    private static final String BIRTH_DATE = "1984-03-07";

    private static Stack stack;
    private static Platform platform;

    @BeforeAll
    static void startStackAndDirectory() throws Exception {
        stack = Stacks.start("incident-si-security");
        platform = new Platform(stack);

        platform.person(ADMIN, ADMIN, "Avery Admin", "payments", List.of("admin"));
        for (String[] p : new String[][] {{"si-1", "Sam Integrator", "si"}, {"si-2", "Sid Integrator", "si"},
                {"ana-ic", "Ana Example", "payments"}, {"ben-ic", "Ben Example", "payments"},
                {"cleo-ic", "Cleo Example", "search"}}) {
            platform.person(ADMIN, p[0], p[1], p[2], List.of());
        }
        platform.person(ADMIN, "sec-1", "Sasha Guard", "security", List.of("security"));
        platform.schedule(ADMIN, "si-primary", "si", "si-1");
        platform.schedule(ADMIN, "si-secondary", "si", "si-2");
        platform.schedule(ADMIN, "payments-primary", "payments", "ana-ic");
        platform.schedule(ADMIN, "payments-secondary", "payments", "ben-ic");
        platform.policy(ADMIN, "si", "si-primary", "si-secondary");
        platform.policy(ADMIN, "payments", "payments-primary", "payments-secondary");

        platform.stakeholder(ADMIN, "payments", "PRODUCT_OWNER", "payments-owners@example.org");
        platform.stakeholder(ADMIN, "si", "PRODUCT_OWNER", "si-owners@example.org");
        platform.stakeholder(ADMIN, null, "SI_TEAM", "si-team@example.org");
        platform.stakeholder(ADMIN, null, "SERVICE_CENTER", "service-center-leads@example.org");
        platform.stakeholder(ADMIN, null, "IT_SERVICE_DESK", "it-service-desk@example.org");
        platform.stakeholder(ADMIN, null, "LEGAL", "legal@example.org");
    }

    /** Every address the directory, the stakeholder list and the reporters hold; nobody else may receive anything. */
    private static final List<String> KNOWN_ADDRESSES = List.of("admin-1@example.org", "si-1@example.org",
            "si-2@example.org", "ana-ic@example.org", "ben-ic@example.org", "cleo-ic@example.org",
            "sec-1@example.org", "payments-owners@example.org", "si-owners@example.org", "si-team@example.org",
            "service-center-leads@example.org", "it-service-desk@example.org", "legal@example.org",
            "service-center@example.org", "reporter@example.org");

    @AfterAll
    static void sweepMailAndStop() {
        try {
            if (stack != null) {
                List<Map<String, Object>> messages = stack.mail().messages();
                MailSweep.assertOnlyKnownRecipientsAndNothingTwice(messages, KNOWN_ADDRESSES);
                assertThat(messages).as("R-REP-6: no message carries the personal data")
                        .allSatisfy(m -> assertThat(subject(m) + "\n" + body(m)).doesNotContain(SSN, BIRTH_DATE));
            }
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
    }

    @Test
    @Order(1)
    @DisplayName("R-REP-2 R-ACK-4 R-CMD-8 R-CMD-3 a service-center report to the generic address pages two SI engineers; the ICs route it before anyone acknowledges; the chosen IC takes command")
    void serviceCenterReportRoutedBySi() {
        String title = "Members cannot submit claims, calls to the service center";
        platform.mail("service-center@example.org", "incident-report@" + INTAKE_DOMAIN, title,
                "Since 08:40 UTC callers say the claims form fails after submit with an error page.\n"
                        + "Log search: https://logs.example.org/search?q=claims-submit-5xx\n");
        IncidentReported reported = platform.awaitReported(title);
        assertThat(reported.team()).as("the generic address is the SI team's").isEqualTo("si");
        assertThat(reported.siteWide()).isTrue();
        UUID incident = reported.incidentId();
        String path = "/incidents/" + incident;

        // R-ACK-4: the SI on-call gets the service center's report; two engineers are paged.
        JsonPath paged = platform.awaitIncident(incident, ADMIN,
                i -> i.getList("paged").containsAll(List.of("si-1", "si-2")));
        assertThat(paged.getString("team")).isEqualTo("si");
        for (String si : List.of("si-1@example.org", "si-2@example.org")) {
            Map<String, Object> page = platform.awaitMail(to(si).and(about(incident)));
            assertThat(subject(page)).startsWith("[Page]").contains(title);
        }

        // R-CMD-8: the ICs decide in the room who takes command, before anyone acknowledges. Only a paged person
        // may hand the incident on.
        Response stranger = platform.as("cleo-ic").body(Map.of("team", "search")).post(platform.commander(path + "/route"));
        assertThat(stranger.statusCode()).as("someone not paged cannot route").isEqualTo(403);
        platform.as("si-1").body(Map.of("team", "payments")).post(platform.commander(path + "/route"))
                .then().statusCode(200);
        JsonPath routed = platform.awaitIncident(incident, ADMIN, i -> "payments".equals(i.getString("team"))
                && i.getList("paged").contains("ana-ic"));
        assertThat(routed.getString("state")).isEqualTo("REPORTED");
        assertThat(routed.getString("commander")).as("nobody has acknowledged yet").isNull();
        assertThat(platform.awaitMail(to("ana-ic@example.org").and(about(incident)))).isNotNull();

        // The chosen IC acknowledges; from then on the decision is made.
        platform.as("ana-ic").body(Map.of("severity", "SEV2")).post(platform.commander(path + "/acknowledge"))
                .then().statusCode(200);
        Response late = platform.as("si-2").body(Map.of("team", "search")).post(platform.commander(path + "/route"));
        assertThat(late.statusCode()).as("no routing once someone has command").isEqualTo(409);
        Response second = platform.as("si-2").post(platform.commander(path + "/acknowledge"));
        assertThat(second.statusCode()).as("one IC at a time").isEqualTo(409);
        assertThat(second.jsonPath().getString("commander")).isEqualTo("ana-ic");

        JsonPath commanded = platform.incident(incident, ADMIN).then().statusCode(200).extract().jsonPath();
        assertThat(commanded.getString("state")).isEqualTo("COMMANDED");
        assertThat(commanded.getString("commander")).isEqualTo("ana-ic");
        assertThat(commanded.getString("team")).isEqualTo("payments");

        // R-CMD-3: the document follows the IC who took command; the clocks of the response start.
        JsonPath doc = platform.awaitDocument(incident, ADMIN, d -> "active".equals(d.getString("status"))
                && "ana-ic".equals(d.getString("commander")) && "SEV2".equals(d.getString("severity")));
        assertThat(doc.getString("trackingId")).startsWith("INC-");
        assertThat(doc.getList("timeline.findAll { it.kind == 'reported' }")).hasSize(1);
        platform.awaitDeadlines(incident, d -> "MET".equals(status(d, "ACKNOWLEDGE"))
                && "PENDING".equals(status(d, "DOCUMENT_UPDATE")));

        // The stakeholders who hear of every incident get "[Active Incident]" once, with the document's link.
        for (String stakeholder : List.of("si-team@example.org", "service-center-leads@example.org")) {
            Map<String, Object> active = platform.awaitMail(to(stakeholder)
                    .and(m -> subject(m).contains("[Active Incident] " + title)));
            assertThat(body(active)).contains(path + "/document");
        }
        // R-CMD-8: the team the incident was routed to owns it, so its product owners hear of it, not the SI's.
        platform.awaitMail(to("payments-owners@example.org").and(m -> subject(m).contains("[Active Incident] " + title)));
        assertThat(platform.messages()).filteredOn(to("si-owners@example.org")
                .and(m -> subject(m).contains("[Active Incident] " + title))).isEmpty();
    }

    @Test
    @Order(2)
    @DisplayName("R-REP-6 R-SEC-1 R-SEC-5 R-DOC-1 personal data e-mailed to a team address: a restricted security incident, redacted everywhere; the form reaches the IT service desk within the hour")
    void personalDataEmailedToTeamAddress() {
        String title = "Another member's record shows on the claims page";
        platform.mail("reporter@example.org", "payments-incident-report@" + INTAKE_DOMAIN, title,
                "Since 09:10 UTC the claims page shows another member's record to whoever opens it:\n"
                        + "Jordan Sample, SSN " + SSN + ", date of birth: " + BIRTH_DATE + ".\n"
                        + "Screenshot: https://tickets.example.org/browse/SUP-1\n");
        IncidentReported reported = platform.awaitReported(title);
        assertThat(reported.security()).as("R-REP-6: personal data makes a security incident").isTrue();
        assertThat(reported.team()).isEqualTo("payments");
        assertThat(reported.description()).contains("[redacted ssn]").doesNotContain(SSN, BIRTH_DATE);
        UUID incident = reported.incidentId();
        String path = "/incidents/" + incident;

        platform.awaitIncident(incident, ADMIN, i -> i.getList("paged").contains("ana-ic"));
        platform.awaitMail(to("ana-ic@example.org").and(about(incident)));
        platform.as("ana-ic").post(platform.commander(path + "/acknowledge")).then().statusCode(200);

        // R-DOC-1: only the restricted audience reads it: the security role and the people working on it.
        platform.awaitDocument(incident, "sec-1", d -> "active".equals(d.getString("status"))
                && "ana-ic".equals(d.getString("commander")));
        assertThat(platform.document(incident, "ana-ic").statusCode()).as("the IC reads it").isEqualTo(200);
        assertThat(platform.document(incident, "cleo-ic").statusCode()).as("a non-participant does not")
                .isEqualTo(404);
        assertThat(platform.anonymous().accept("application/json").get(platform.docs(path + "/document"))
                .statusCode()).as("nor does an anonymous reader").isIn(401, 404);
        assertThat(platform.incident(incident, "cleo-ic").statusCode()).as("commander hides it too").isEqualTo(404);
        assertThat(platform.incident(incident, "sec-1").then().statusCode(200).extract().jsonPath()
                .getBoolean("security")).isTrue();

        // R-SEC-5: the runbook is a checklist; R-SEC-1: someone not working on the fix files the form.
        List<String> steps = platform.as("sec-1").get(platform.docs(path + "/checklist")).then().statusCode(200)
                .extract().jsonPath().getList("key");
        assertThat(steps).contains("receive", "private-channel", "bridge");
        platform.as("ana-ic").post(platform.docs(path + "/checklist/receive/done")).then().statusCode(200);
        platform.as("sec-1").body(Map.of("summary", "A member record was shown to other members on the claims page."))
                .post(platform.docs(path + "/security-form")).then().statusCode(201);
        assertThat(platform.as("sec-1").body(Map.of("summary", "again")).post(platform.docs(path + "/security-form"))
                .statusCode()).as("the form is filed once").isEqualTo(409);
        Map<String, Object> form = platform.awaitMail(to("it-service-desk@example.org").and(about(incident)));
        assertThat(subject(form)).startsWith("[Security incident form]");
        platform.awaitMail(to("legal@example.org").and(about(incident)));
        platform.awaitDeadlines(incident, d -> "MET".equals(status(d, "SECURITY_FORM")));

        // R-REP-6: the personal data is nowhere but intake's vault.
        List<String> views = new ArrayList<>();
        views.add(platform.incident(incident, "sec-1").asString());
        views.add(platform.document(incident, "sec-1").asString());
        views.add(platform.as("sec-1").accept("text/html").get(platform.docs(path + "/document")).asString());
        views.add(platform.as("sec-1").get(platform.docs(path + "/document?format=md")).asString());
        views.add(platform.as("sec-1").get(platform.url(Service.INTAKE, "/reports/" + reported.reportId())).asString());
        assertThat(views).allSatisfy(v -> assertThat(v).doesNotContain(SSN, BIRTH_DATE));
        for (String topic : List.of(Topics.REPORTS, Topics.LIFECYCLE, Topics.DEADLINES, Topics.NOTIFICATIONS,
                Topics.DOCUMENTS)) {
            assertThat(platform.events(topic)).as("records on %s", topic)
                    .allSatisfy(e -> assertThat(e.value()).doesNotContain(SSN, BIRTH_DATE));
        }

        // A second report whose form nobody files: past the hour, its clock is breached.
        String unfiled = "Member birth dates in the nightly export";
        platform.mail("reporter@example.org", "payments-incident-report@" + INTAKE_DOMAIN, unfiled,
                "Since 02:00 UTC the export lists Jordan Sample, date of birth: " + BIRTH_DATE + ", SSN " + SSN
                        + ". Export log: https://logs.example.org/search?q=nightly-export\n");
        UUID late = platform.awaitReported(unfiled).incidentId();
        platform.awaitDeadlines(late, d -> "PENDING".equals(status(d, "SECURITY_FORM")));
        platform.advanceClocks(Duration.ofMinutes(61));
        platform.awaitDeadlines(late, d -> "BREACHED".equals(status(d, "SECURITY_FORM")));
        assertThat(status(platform.deadlines(incident), "SECURITY_FORM")).as("the filed form stays met")
                .isEqualTo("MET");
        // Nobody has command of the late one: its team's product owners hear of the breach.
        platform.awaitMail(to("payments-owners@example.org").and(about(late))
                .and(m -> body(m).contains("Security incident form")));
    }
}
