package io.incident.intake.classification;

import io.incident.events.Severity;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a tool's own severity word means here (R-SEC-2). Tools are not consistent: Prometheus rules say
 * {@code critical}/{@code warning}, Grafana users write {@code high} or {@code P1}, some send {@code SEV2}. Anything
 * unknown is left to the default, SEV3, until the incident commander verifies the impact.
 */
public final class SourceSeverity {

    private static final Map<String, Severity> WORDS = Map.ofEntries(
            Map.entry("critical", Severity.SEV1), Map.entry("crit", Severity.SEV1), Map.entry("fatal", Severity.SEV1),
            Map.entry("emergency", Severity.SEV1), Map.entry("page", Severity.SEV1), Map.entry("p1", Severity.SEV1),
            Map.entry("sev1", Severity.SEV1), Map.entry("disaster", Severity.SEV1),
            Map.entry("error", Severity.SEV2), Map.entry("high", Severity.SEV2), Map.entry("major", Severity.SEV2),
            Map.entry("p2", Severity.SEV2), Map.entry("sev2", Severity.SEV2),
            Map.entry("warning", Severity.SEV3), Map.entry("warn", Severity.SEV3), Map.entry("medium", Severity.SEV3),
            Map.entry("minor", Severity.SEV3), Map.entry("average", Severity.SEV3), Map.entry("p3", Severity.SEV3),
            Map.entry("sev3", Severity.SEV3),
            Map.entry("info", Severity.SEV4), Map.entry("informational", Severity.SEV4), Map.entry("low", Severity.SEV4),
            Map.entry("none", Severity.SEV4), Map.entry("p4", Severity.SEV4), Map.entry("p5", Severity.SEV4),
            Map.entry("sev4", Severity.SEV4));

    private SourceSeverity() {
    }

    public static Optional<Severity> of(String word) {
        if (word == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(WORDS.get(word.strip().toLowerCase(Locale.ROOT).replace("-", "")));
    }

    public static Severity orDefault(String word) {
        return of(word).orElse(Severity.SEV3);
    }
}
