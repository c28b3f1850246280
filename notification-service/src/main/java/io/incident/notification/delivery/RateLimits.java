package io.incident.notification.delivery;

import io.incident.notification.NotificationConfig;
import io.incident.notification.channel.ChannelKind;
import io.incident.runtime.ratelimit.TokenBucket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** One token bucket per channel kind, from {@code notification.rate-limits.<kind>}. */
@ApplicationScoped
public class RateLimits {

    private final Map<ChannelKind, TokenBucket> buckets = new EnumMap<>(ChannelKind.class);
    private final Clock clock;

    @Inject
    public RateLimits(NotificationConfig config) {
        // Real time, not the movable business clock: vendors limit by their wall clock.
        this(config.rateLimits(), Clock.systemUTC());
    }

    /** @param ratesPerSecond per channel kind (case-insensitive); a burst of one second's worth, at least one */
    RateLimits(Map<String, Double> ratesPerSecond, Clock clock) {
        this.clock = clock;
        ratesPerSecond.forEach((kind, rate) -> {
            if (rate <= 0) {
                throw new IllegalArgumentException("A rate limit must be positive: " + kind + "=" + rate);
            }
            buckets.put(ChannelKind.valueOf(kind.toUpperCase()), new TokenBucket(
                    (int) Math.max(1, Math.ceil(rate)), (int) Math.max(1, Math.round(rate * 60)), clock.instant()));
        });
    }

    /** Kinds with no token left: the worker skips their rows so other channels keep going. */
    public Set<ChannelKind> exhausted() {
        Set<ChannelKind> out = EnumSet.noneOf(ChannelKind.class);
        buckets.forEach((kind, bucket) -> {
            if (!bucket.available(clock.instant())) {
                out.add(kind);
            }
        });
        return out;
    }

    public boolean tryAcquire(ChannelKind kind) {
        TokenBucket bucket = buckets.get(kind);
        return bucket == null || bucket.tryTake(clock.instant()).isZero();
    }
}
