package io.incident.intake.alert;

import java.time.Duration;
import java.time.Instant;

/**
 * When a repeated trigger of an open dedup key is told to the rest of the platform (R-REP-5 during storms). A
 * monitoring tool in a storm sends the same key hundreds of times a minute; each repeat is counted on the key, and
 * a report goes out for the first repeat, so people see at once that the problem recurs, and then at most once per
 * {@link #ANNOUNCE_EVERY}, carrying the count since the last one. Pure, so the rule is tested on its own.
 */
public final class RepeatRules {

    public static final Duration ANNOUNCE_EVERY = Duration.ofMinutes(1);

    private RepeatRules() {
    }

    /**
     * @param lastAnnounced when a repeat of this key's open incident was last told, or null if never
     * @return whether the repeat arriving {@code now} is told, with every repeat counted since the last time
     */
    public static boolean announce(Instant lastAnnounced, Instant now) {
        return lastAnnounced == null || !now.isBefore(lastAnnounced.plus(ANNOUNCE_EVERY));
    }
}
