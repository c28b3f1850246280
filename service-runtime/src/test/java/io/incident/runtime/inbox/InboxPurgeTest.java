package io.incident.runtime.inbox;

import io.incident.events.EventEnvelope;
import io.incident.events.IncidentReported;
import io.incident.events.ReportChannel;
import io.incident.events.Severity;
import io.incident.local.EmbeddedDatabase;
import io.incident.testkit.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbox forgets applied events only after their retention, against the real PostgreSQL of the test kit. */
class InboxPurgeTest {

    private final InboxStore inbox = new InboxStore();

    @Test
    @DisplayName("events applied before the cut-off are forgotten, in bounded batches; newer ones still count as seen")
    void purgeOldRows() throws Exception {
        PGSimpleDataSource dataSource = freshSchema();
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        EventEnvelope old1 = envelope();
        EventEnvelope old2 = envelope();
        EventEnvelope old3 = envelope();
        EventEnvelope recent = envelope();
        try (Connection c = dataSource.getConnection()) {
            Instant longAgo = now.minus(Duration.ofDays(30));
            for (EventEnvelope e : List.of(old1, old2, old3)) {
                assertThat(inbox.tryRecord(c, e, "consumer-a", longAgo)).isTrue();
            }
            assertThat(inbox.tryRecord(c, recent, "consumer-a", now.minus(Duration.ofDays(1)))).isTrue();

            Instant cutoff = now.minus(Duration.ofDays(21));
            assertThat(inbox.purgeProcessedBefore(c, cutoff, 2)).as("at most the batch").isEqualTo(2);
            assertThat(inbox.purgeProcessedBefore(c, cutoff, 2)).isEqualTo(1);
            assertThat(inbox.purgeProcessedBefore(c, cutoff, 2)).isZero();

            assertThat(inbox.tryRecord(c, recent, "consumer-a", now)).as("a recent event is still a redelivery")
                    .isFalse();
            assertThat(inbox.tryRecord(c, old1, "consumer-a", now)).as("a forgotten one is new again").isTrue();
        }
    }

    private static PGSimpleDataSource freshSchema() {
        TestInfrastructure infra = TestInfrastructure.get();
        String schema = "inbox_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(infra.database().jdbcUrl() + "?currentSchema=" + schema);
        dataSource.setUser(EmbeddedDatabase.USER);
        dataSource.setPassword(infra.database().password());
        Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema).createSchemas(true)
                .locations("classpath:db/runtime").load().migrate();
        return dataSource;
    }

    private static EventEnvelope envelope() {
        return EventEnvelope.wrap(new IncidentReported(UUID.randomUUID(), UUID.randomUUID(), "payments",
                "Checkout fails", "502 on /checkout", ReportChannel.REST, Severity.SEV2, true, false, false, null,
                null, List.of(), List.of(), Instant.parse("2026-03-01T09:15:00Z")), "/inbox-test", Instant.now());
    }
}
