package io.incident.intake.integration;

import io.incident.intake.IntakeConfig;
import io.incident.runtime.ratelimit.TokenBucket;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per integration, as PagerDuty limits per routing key. Buckets exist only for integrations
 * whose key was valid, so a flood of made-up keys cannot grow this map. The limit is per service instance.
 */
@ApplicationScoped
public class IntegrationRateLimiter {

    private final Map<UUID, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final IntakeConfig.RateLimit limit;
    private final Clock clock;

    public IntegrationRateLimiter(IntakeConfig config, Clock clock) {
        this.limit = config.rateLimit();
        this.clock = clock;
    }

    /** Empty if the integration may send now; otherwise how long it should wait. */
    public Optional<Duration> throttle(UUID integrationId) {
        TokenBucket bucket = buckets.computeIfAbsent(integrationId,
                id -> new TokenBucket(limit.capacity(), limit.refillPerMinute(), clock.instant()));
        Duration wait = bucket.tryTake(clock.instant());
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }
}
