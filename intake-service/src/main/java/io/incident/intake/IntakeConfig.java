package io.incident.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the intake service, under {@code incident.intake.*}; the shared ones are in {@code RuntimeConfig}. */
@ConfigMapping(prefix = "incident.intake")
public interface IntakeConfig {

    Email email();

    RateLimit rateLimit();

    interface Email {
        /** Teams receive reports at {@code <team>-incident-report@<domain>} (R-REP-2). */
        @WithDefault("incidents.example.org")
        String domain();
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
}
