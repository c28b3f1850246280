package io.incident.deadline.measurement;

import java.util.List;

/**
 * R-PM-4: how long the response took, per team and severity, and how often each rule's clock was met.
 *
 * @param groups     one per (team, severity) with at least one incident reported in the period
 * @param compliance one per rule with at least one clock that ended in the period
 */
public record Measurement(Filter filter, List<Group> groups, List<Compliance> compliance) {

    /** What was measured: incidents reported in [since, until), optionally of one team or severity. */
    public record Filter(String team, String severity, java.time.Instant since, java.time.Instant until) {
    }

    /** Times in seconds from the report; a phase nobody reached yet is counted in {@code count} of the ones that did. */
    public record Group(String team, String severity, long incidents, Phase acknowledge, Phase mitigate,
                        Phase resolve, Phase close) {
    }

    /** @param count incidents that reached this phase; the other figures are null when none did */
    public record Phase(long count, Double meanSeconds, Double p50Seconds, Double p90Seconds, Double maxSeconds) {
    }

    /** @param rate met / (met + breached), null when no clock of the rule ended in the period */
    public record Compliance(String rule, String kind, long met, long breached, Double rate) {
    }
}
