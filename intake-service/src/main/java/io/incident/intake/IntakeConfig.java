package io.incident.intake;

import io.incident.intake.email.MailMode;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Settings of the intake service, under {@code incident.intake.*}; the shared ones are in {@code RuntimeConfig}. */
@ConfigMapping(prefix = "incident.intake")
public interface IntakeConfig {

    Email email();

    RateLimit rateLimit();

    Pii pii();

    Webhook webhook();

    Smtp smtp();

    Idempotency idempotency();

    Slack slack();

    /** The Slack app's slash command ({@code POST /slack/commands}). */
    interface Slack {
        /** The app's signing secret; without it the endpoint answers 503 rather than trusting unsigned requests. */
        Optional<String> signingSecret();

        /** Channel id to team: in a linked channel {@code /incident <title>} needs no team. */
        Map<String, String> channelTeams();
    }

    interface Email {
        /** Teams receive reports at {@code <team>-incident-report@<domain>} (R-REP-2). */
        @WithDefault("incidents.example.org")
        String domain();

        /** When a mail that is not a reply opens an incident, for teams without their own entry in {@link #modes()}. */
        @WithDefault("PER_MAIL")
        MailMode defaultMode();

        /** Per team, e.g. {@code incident.intake.email.modes.payments=PER_SUBJECT}. */
        Map<String, MailMode> modes();

        /** A larger mail is refused with SMTP 552 (413 on {@code POST /mail}). */
        @WithDefault("10485760")
        int maxMessageBytes();

        /** A larger attachment is refused with SMTP 552, naming it. */
        @WithDefault("5242880")
        int maxAttachmentBytes();

        @WithDefault("20")
        int maxAttachments();
    }

    interface Smtp {
        /** The SMTP listener's port; 0 picks a free one (tests). */
        @WithDefault("2525")
        int port();
    }

    /**
     * A token bucket per integration. PagerDuty allows about 120 events a minute per routing key; the default is
     * twice that, so a tool tuned for PagerDuty never meets a 429 here first, while a tool stuck in a loop cannot
     * flood the outbox.
     */
    interface RateLimit {
        /** Events an integration may send at once after a quiet period. */
        @WithDefault("240")
        int capacity();

        /** Events an integration may send per minute, sustained. */
        @WithDefault("240")
        int refillPerMinute();
    }

    interface Pii {
        /**
         * Mail domains whose addresses belong to persons (R-REP-6). Unset: the well-known free-mail providers in
         * {@code PiiDetector.DEFAULT_PERSONAL_MAIL_DOMAINS}.
         */
        Optional<Set<String>> personalMailDomains();
    }

    interface Webhook {
        /** Larger requests are refused with 413; Alertmanager groups are capped by its own max_alerts. */
        @WithDefault("1048576")
        int maxBodyBytes();
    }

    /** {@code Idempotency-Key} on {@code POST /reports} and {@code POST /questions}. */
    interface Idempotency {
        /**
         * How long a key names its request. A retry within it gets the first answer again; after it the key is
         * free. Clients retry within minutes; a day also covers a script re-run the next morning.
         */
        @WithDefault("24h")
        Duration retention();

        /** How often expired keys are deleted; expiry itself is checked on every request. */
        @WithDefault("1h")
        Duration purgeInterval();
    }
}
