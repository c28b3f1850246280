package io.incident.intake.pagerduty;

import java.time.Duration;
import java.util.List;

/** What became of one {@code /v2/enqueue} request; each has its own PagerDuty answer. */
public sealed interface EnqueueResult {

    record Accepted(String dedupKey) implements EnqueueResult {
    }

    record Rejected(List<String> errors) implements EnqueueResult {
    }

    record Throttled(Duration retryAfter) implements EnqueueResult {
    }
}
