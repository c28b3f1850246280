package io.incident.deadline.firing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The firing loop, under {@code incident.deadlines.firing.*}. */
@ConfigMapping(prefix = "incident.deadlines.firing")
public interface FiringSettings {

    /** Off only for tools that must not fire clocks (a migration job, say). */
    @WithDefault("true")
    boolean enabled();

    /** Clocks fired per transaction. */
    @WithDefault("100")
    int batchSize();

    /**
     * The loop wakes exactly when the next clock is due and when this process starts an earlier one; this cap only
     * bounds how late it notices a clock that another instance started.
     */
    @WithDefault("2s")
    Duration maxSleep();
}
