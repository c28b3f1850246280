package io.incident.notification.delivery;

import io.incident.notification.NotificationConfig;
import io.incident.notification.channel.ChannelKind;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** One token bucket per channel kind, from {@code notification.rate-limits.<kind>}. */
@ApplicationScoped
public class RateLimits {

    private final Map<ChannelKind, TokenBucket> buckets = new EnumMap<>(ChannelKind.class);

    public RateLimits(NotificationConfig config) {
        config.rateLimits().forEach((kind, rate) ->
                buckets.put(ChannelKind.valueOf(kind.toUpperCase()), new TokenBucket(rate, System::nanoTime)));
    }

    /** Kinds with no token left: the worker skips their rows so other channels keep going. */
    public Set<ChannelKind> exhausted() {
        Set<ChannelKind> out = EnumSet.noneOf(ChannelKind.class);
        buckets.forEach((kind, bucket) -> {
            if (!bucket.available()) {
                out.add(kind);
            }
        });
        return out;
    }

    public boolean tryAcquire(ChannelKind kind) {
        TokenBucket bucket = buckets.get(kind);
        return bucket == null || bucket.tryAcquire();
    }
}
