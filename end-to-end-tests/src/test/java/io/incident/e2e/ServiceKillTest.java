package io.incident.e2e;

import io.incident.events.DeadlineBreached;
import io.incident.events.DeadlineWarned;
import io.incident.events.IncidentReported;
import io.incident.events.Topics;
import io.incident.local.Service;
import io.incident.local.Stack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.incident.e2e.Platform.recipients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SIGKILL of every service in turn while reports keep arriving by REST and by alert webhook. Afterwards no accepted
 * report is lost or applied twice, no notice reaches its recipient twice, and no clock fires twice.
 */
class ServiceKillTest {

    private static final String ADMIN = "admin-1";
    private static final String IC = "ana-ic";
    private static Stack stack;
    private static Platform platform;
    private static String integrationKey;

    @BeforeAll
    static void startStack() throws Exception {
        stack = Stacks.start("incident-kills");
        platform = new Platform(stack);
        platform.person(ADMIN, ADMIN, "Avery Admin", "payments", List.of("admin"));
        platform.person(ADMIN, IC, "Ana Example", "payments", List.of());
        platform.schedule(ADMIN, "payments-primary", "payments", IC);
        // One level: every incident pages the IC exactly once, so any second page is a doubled notice.
        platform.policy(ADMIN, "payments", "payments-primary");
        integrationKey = platform.as(ADMIN).body(Map.of("team", "payments", "name", "Checkout monitor",
                        "type", "GENERIC")).post(platform.url(Service.INTAKE, "/integrations"))
                .then().statusCode(201).extract().path("key");
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @DisplayName("kill -9 of each of the five services under load: nothing lost, no notice doubled, every clock fires at most once")
    void killEachServiceUnderLoad() throws Exception {
        LoadReporter<UUID> people = new LoadReporter<>("rest-reporter", Duration.ofMillis(400),
                i -> platform.anonymous().body(Map.of("title", "Checkout slow, REST report #" + i, "team", "payments"))
                        .post(platform.url(Service.INTAKE, "/reports")),
                r -> UUID.fromString(r.path("incidentId")));
        LoadReporter<String> monitor = new LoadReporter<>("alert-reporter", Duration.ofMillis(800),
                i -> platform.anonymous().body(Map.of("action", "trigger", "dedupKey", "kill-load-" + i,
                                "title", "Checkout error rate, alert #" + i, "severity", "error",
                                "links", List.of("https://grafana.example.org/d/checkout")))
                        .post(platform.url(Service.INTAKE, "/webhooks/generic/" + integrationKey)),
                r -> r.path("dedupKey"));
        Map<Service, Long> downMillis = new LinkedHashMap<>();
        try (people; monitor) {
            people.awaitAccepted(5);
            monitor.awaitAccepted(2);
            for (Service s : List.of(Service.INTAKE, Service.COMMANDER, Service.NOTIFICATION, Service.DOCS,
                    Service.DEADLINE)) {
                if (s == Service.DEADLINE) {
                    // Every acknowledge clock so far falls due at once: the service dies while it fires them.
                    platform.advanceClocks(Duration.ofMinutes(16));
                    Thread.sleep(300);
                }
                long start = System.nanoTime();
                stack.service(s).kill();
                Thread.sleep(2_000);
                stack.restart(s);
                platform.alignClock(s, s == Service.INTAKE ? Service.DOCS : Service.INTAKE);
                downMillis.put(s, (System.nanoTime() - start) / 1_000_000);
                people.awaitAccepted(3);
                monitor.awaitAccepted(1);
            }
        }
        // The clocks of the reports that came after the first jump fall due too.
        platform.advanceClocks(Duration.ofMinutes(16));
        System.out.printf("kill -9 under load: %d REST and %d alert reports accepted, %d and %d refused;"
                        + " down and back (ms): %s%n", people.accepted.size(), monitor.accepted.size(),
                people.refused.size(), monitor.refused.size(), downMillis);
        assertThat(people.refused).as("refusals other than a dead connection")
                .allSatisfy(r -> assertThat(r.statusCode()).isIn(429, 503));

        // Nothing lost, nothing applied twice: each accepted alert opened one incident, each incident one document.
        Map<String, Set<UUID>> incidentsByKey = awaitAlertIncidents(monitor.accepted);
        assertThat(incidentsByKey.entrySet().stream().filter(e -> e.getValue().size() != 1).map(Map.Entry::getKey)
                .toList()).as("alerts that opened other than one incident").isEmpty();
        List<UUID> incidents = new ArrayList<>(people.accepted);
        incidentsByKey.values().forEach(incidents::addAll);
        platform.assertEveryReportDocumentedOnce(incidents);

        // Every incident paged its IC; no page (or any other notice) reached anyone twice as a distinct message.
        await().atMost(LoadReporter.RECOVERY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Set<String> paged = platform.messages().stream().filter(m -> recipients(m).contains(IC + "@example.org"))
                    .map(m -> Platform.linkedIncident(m).toString()).collect(Collectors.toSet());
            assertThat(incidents.stream().map(UUID::toString).filter(i -> !paged.contains(i)).toList())
                    .as("incidents whose page never arrived").isEmpty();
        });
        MailSweep.assertOnlyKnownRecipients(platform.messages(), List.of(IC + "@example.org",
                ADMIN + "@example.org"));
        int resends = MailSweep.assertNoNoticeDeliveredTwice(stack.mail());

        // Every incident has one acknowledge clock, and it fired once: one warning at most, one breach.
        for (UUID incident : incidents) {
            platform.awaitDeadlines(incident, d -> "BREACHED".equals(Platform.status(d, "ACKNOWLEDGE")));
            assertThat(platform.deadlines(incident).getList("findAll { it.kind == 'ACKNOWLEDGE' }"))
                    .as("acknowledge clocks of %s", incident).hasSize(1);
        }
        Map<String, Set<String>> firings = new HashMap<>();
        int redelivered = 0;
        Set<String> seen = new LinkedHashSet<>();
        for (EventLog.Entry e : platform.events(Topics.DEADLINES)) {
            Object data = e.event().map(ev -> ev.data()).orElse(null);
            String firing = data instanceof DeadlineWarned w ? "warned " + w.deadlineId()
                    : data instanceof DeadlineBreached b ? "breached " + b.deadlineId() : null;
            if (firing != null) {
                firings.computeIfAbsent(firing, k -> new LinkedHashSet<>()).add(e.eventId());
                if (!seen.add(e.eventId())) {
                    redelivered++;
                }
            }
        }
        System.out.printf("kill -9 under load: %d page resends with the same Message-ID; %d clock firings, %d records"
                + " republished with the same event id%n", resends, firings.size(), redelivered);
        assertThat(firings.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList())
                .as("clocks that fired more than once (distinct events)").isEmpty();
        assertThat(firings.keySet().stream().filter(f -> f.startsWith("breached")).count())
                .as("one breach per incident's acknowledge clock").isEqualTo(incidents.size());
    }

    /** For each accepted alert's dedup key, the incidents intake opened for it (read from incident.reports). */
    private static Map<String, Set<UUID>> awaitAlertIncidents(List<String> keys) {
        return await().atMost(LoadReporter.RECOVERY).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Map<String, Set<UUID>> byKey = new HashMap<>();
            for (EventLog.Entry e : platform.events(Topics.REPORTS)) {
                if (e.event().map(ev -> ev.data()).orElse(null) instanceof IncidentReported r
                        && r.dedupKey() != null && keys.contains(r.dedupKey())) {
                    byKey.computeIfAbsent(r.dedupKey(), k -> new LinkedHashSet<>()).add(r.incidentId());
                }
            }
            return byKey;
        }, m -> m.keySet().containsAll(keys));
    }
}
