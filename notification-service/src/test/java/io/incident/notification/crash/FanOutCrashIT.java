package io.incident.notification.crash;

import io.incident.notification.Fixture;
import io.incident.notification.PackagedService;
import io.incident.testkit.TestInfrastructure;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The exactly-once claim under a real crash: the packaged service fans one notice out to 500 e-mail recipients,
 * is killed with SIGKILL part-way, restarted, and the SMTP server's mailbox is counted.
 */
class FanOutCrashIT {

    private static final int RECIPIENTS = 500;
    private static final int SENDER_THREADS = 4;

    @Test
    @DisplayName("SIGKILL in the middle of a 500-recipient fan-out: after restart every recipient has exactly one message")
    void killMidFanOut() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        String team = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        // Slow enough to be caught mid-way: 500 messages at 100 a second take about five seconds.
        Map<String, String> props = Map.of("notification.rate-limits.email", "100",
                "notification.worker.threads", String.valueOf(SENDER_THREADS));
        Path log = Path.of("target", "fanout-crash-it.log");
        UUID incident = UUID.randomUUID();
        int beforeKill;
        try (PackagedService first = new PackagedService(props, log)) {
            first.start();
            FanOut.insertStakeholders(infra, team, RECIPIENTS);
            FanOut.publishActiveIncident(incident, team);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> FanOut.mailCount(team) >= RECIPIENTS / 5);
            first.kill();
            beforeKill = FanOut.mailCount(team);
        }
        System.out.printf("Killed with SIGKILL after %d of %d messages reached the SMTP server%n", beforeKill, RECIPIENTS);
        assertThat(beforeKill).as("the kill must land mid-way").isLessThan(RECIPIENTS);

        try (PackagedService second = new PackagedService(props, log)) {
            second.start();
            await().atMost(Duration.ofSeconds(120)).until(() -> FanOut.sentRows(infra, incident) == RECIPIENTS);

            Map<String, Integer> raw = new HashMap<>();
            Map<String, Set<String>> distinct = new HashMap<>();
            for (MimeMessage m : Fixture.received()) {
                for (var a : m.getAllRecipients()) {
                    String address = a.toString();
                    if (address.endsWith("-" + team + "@example.org")) {
                        raw.merge(address, 1, Integer::sum);
                        distinct.computeIfAbsent(address, k -> new HashSet<>()).add(messageId(m));
                    }
                }
            }
            int duplicates = raw.values().stream().mapToInt(n -> n - 1).sum();
            int lost = RECIPIENTS - raw.size();
            System.out.printf("Crash window measured: %d duplicate(s) reached the SMTP server (each with the Message-ID"
                    + " of the first, so a mail client drops it), %d message(s) lost%n", duplicates, lost);

            assertThat(raw).as("every recipient got a message").hasSize(RECIPIENTS);
            assertThat(distinct).as("each recipient has exactly one message once resends are recognised by Message-ID")
                    .allSatisfy((address, ids) -> assertThat(ids).hasSize(1));
            assertThat(duplicates).as("the window is at most one message per sender thread")
                    .isLessThanOrEqualTo(SENDER_THREADS);
        }
    }

    private static String messageId(MimeMessage m) throws MessagingException {
        String[] ids = m.getHeader("Message-ID");
        return ids == null ? "(none)" : ids[0];
    }
}
