package io.incident.runtime.clock;

import io.incident.runtime.RuntimeConfig;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/** The one clock every rule about time reads. */
@ApplicationScoped
class ClockProducer {

    static final Set<String> PROFILES_THAT_MAY_MOVE_TIME = Set.of("test", "dev", "local");

    @Produces
    @Singleton
    Clock clock(RuntimeConfig config) {
        if (!config.clock().movable()) {
            return Clock.systemUTC();
        }
        List<String> profiles = ConfigUtils.getProfiles();
        if (profiles.stream().noneMatch(PROFILES_THAT_MAY_MOVE_TIME::contains)) {
            throw new IllegalStateException("incident.clock.movable=true is refused in profile(s) " + profiles
                    + ": only " + PROFILES_THAT_MAY_MOVE_TIME + " may move time");
        }
        return new MovableClock(Clock.systemUTC());
    }
}
