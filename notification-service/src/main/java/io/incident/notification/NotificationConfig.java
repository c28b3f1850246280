package io.incident.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** This service's own settings, under {@code notification.*}. */
@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    /** The sender of every e-mail. */
    @WithDefault("incident-platform@example.org")
    String mailFrom();

    /** The domain part of Message-IDs, so they are globally unique and recognisably ours. */
    @WithDefault("notification.incident.example.org")
    String messageIdDomain();

    /**
     * The key for {@code X-Signature-256} on generic webhooks. No default: without it, webhook deliveries fail with
     * that reason rather than go out unsigned.
     */
    Optional<String> webhookSecret();

    /** The page that lists the response teams, for the room topic when no incident is open (R-CLS-2). */
    @WithDefault("https://wiki.example.org/incident-response-teams")
    String responseTeamsUrl();

    Worker worker();

    /** Messages per second per channel kind (EMAIL, SLACK, ...); a kind not listed is not limited. */
    Map<String, Double> rateLimits();

    interface Worker {
        /**
         * Several senders, so a slow vendor holds one thread, not the whole fan-out. A sender spends nearly all its
         * time waiting for the vendor (an SMTP server answers each of the five commands of a message in turn), so
         * throughput grows with threads until the vendor or the database is the limit (16 threads sent 53 messages/s
         * to the test SMTP server against 16 with 4). Each thread holds one database connection and one SMTP
         * connection while it sends, and a crash can resend at most one message per thread (same Message-ID). The
         * default stays at 4: with 16, the test SMTP server (GreenMail) now and then stalled a session for 30 s.
         */
        @WithDefault("4")
        int threads();

        /** Workers are woken after each commit that adds deliveries; this poll catches retries that fall due. */
        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("6")
        int maxAttempts();

        @WithDefault("5s")
        Duration firstRetry();

        @WithDefault("30m")
        Duration maxRetry();
    }
}
