package io.incident.runtime.clock;

import io.incident.runtime.RuntimeConfig;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The one clock every rule about time reads. */
@ApplicationScoped
class ClockProducer {

    static final Set<String> PROFILES_THAT_MAY_MOVE_TIME = Set.of("test", "dev", "local");

    @Produces
    @Singleton
    Clock clock(RuntimeConfig config) {
        return choose(config.clock().movable(), ConfigUtils.getProfiles());
    }

    /** PostgreSQL keeps microseconds; a finer clock would put times on events that the database cannot echo. */
    private static final Clock SYSTEM = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    static Clock choose(boolean movable, List<String> activeProfiles) {
        if (!movable) {
            return SYSTEM;
        }
        if (activeProfiles.stream().noneMatch(PROFILES_THAT_MAY_MOVE_TIME::contains)) {
            throw new IllegalStateException("incident.clock.movable=true is refused in profile(s) " + activeProfiles
                    + ": only " + PROFILES_THAT_MAY_MOVE_TIME + " may move time");
        }
        return new MovableClock(SYSTEM);
    }
}
