package io.incident.runtime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Settings every service shares, under {@code incident.*}. */
@ConfigMapping(prefix = "incident")
public interface RuntimeConfig {

    /** The service's name; its events carry {@code ce_source = /<name>}. */
    String serviceName();

    Outbox outbox();

    Inbox inbox();

    ClockSettings clock();

    Db db();

    Kafka kafka();

    Mail mail();

    Access access();

    /** Public base URLs of the services, by service name, for links in pages, answers and events. */
    Map<String, String> urls();

    /** The shared PostgreSQL database; each service keeps to its own schema. */
    interface Db {
        String host();

        int port();

        String name();

        String user();

        /** No default: the launcher or the deployment provides it. */
        String password();

        String schema();
    }

    interface Kafka {
        String bootstrap();
    }

    /** The SMTP server outgoing mail goes through. */
    interface Mail {
        @WithDefault("localhost")
        String host();

        int port();
    }

    /** Who may call: see the {@code access} package. */
    interface Access {
        /** The {@code iss} that tokens must carry; {@code mp.jwt.verify.issuer} repeats it. */
        String issuer();

        /**
         * Whether GET requests without a token are answered. Off: every read needs a signed-in caller. The module
         * tests switch it on because they test features, not the read policy (each service's access test does that).
         */
        @WithDefault("false")
        boolean anonymousRead();

        /** This service's own token, sent when it calls another service. None: such calls go unauthenticated. */
        Optional<String> serviceToken();

        /**
         * The secret that signs one-click action links ({@link io.incident.runtime.access.ActionLink}), the same in
         * every service. None: pages link to the incident page, where the person signs in to acknowledge.
         */
        Optional<String> linkSecret();

        /** How long a one-click link works after the page that carries it. */
        @WithDefault("PT2H")
        Duration linkLifetime();
    }

    interface Outbox {
        /** Off only for tools that must not publish (a migration job, say). */
        @WithDefault("true")
        boolean relayEnabled();

        @WithDefault("500")
        int batchSize();

        /**
         * The relay is woken as soon as a transaction with events commits; this poll only catches rows left by a
         * process that died before it could wake the relay.
         */
        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("15s")
        Duration sendTimeout();

        /** How long published rows stay for inspection. */
        @WithDefault("P7D")
        Duration retention();
    }

    interface Inbox {
        /**
         * How long the id of an applied event is kept to recognise a redelivery. Must be longer than the topics'
         * retention ({@code retention.ms}, 14 days in deploy/kubernetes/kafka-topics.yaml): an event still on a topic
         * can be delivered again (a new consumer group, an offset reset), and only its inbox row keeps it from being
         * applied twice.
         */
        @WithDefault("P21D")
        Duration retention();
    }

    interface ClockSettings {
        /**
         * A clock that tests move forward over HTTP. Refused outside the test, dev and local profiles: a
         * production clock that anyone can move would let them fire every deadline at once.
         */
        @WithDefault("false")
        boolean movable();
    }
}
