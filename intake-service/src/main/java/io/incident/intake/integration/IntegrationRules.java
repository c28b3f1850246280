package io.incident.intake.integration;

import io.incident.intake.team.Teams;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What makes a new integration acceptable. Pure: every rule is a function of the request alone. */
public final class IntegrationRules {

    public static final int MAX_NAME = 200;

    private IntegrationRules() {
    }

    /** A field the caller must fix, and why. */
    public record Violation(String field, String reason) {
    }

    public static List<Violation> check(NewIntegration request) {
        if (request == null) {
            return List.of(new Violation("body", "send a JSON object with team, name and type"));
        }
        List<Violation> v = new ArrayList<>();
        if (request.team() == null || request.team().isBlank()) {
            v.add(new Violation("team", "is required: the team whose on-call receives this tool's alerts"));
        } else if (!Teams.isValid(request.team())) {
            v.add(new Violation("team", Teams.RULE));
        }
        if (request.name() == null || request.name().isBlank()) {
            v.add(new Violation("name", "is required: what people call this tool, e.g. 'Checkout Prometheus'"));
        } else if (request.name().strip().length() > MAX_NAME) {
            v.add(new Violation("name", "is longer than " + MAX_NAME + " characters"));
        } else if (request.name().chars().anyMatch(Character::isISOControl)) {
            v.add(new Violation("name", "must not contain control characters"));
        }
        if (request.type() == null || request.type().isBlank()) {
            v.add(new Violation("type", "is required: one of " + Arrays.toString(IntegrationType.values())));
        } else if (type(request.type()).isEmpty()) {
            v.add(new Violation("type", "must be one of " + Arrays.toString(IntegrationType.values())));
        }
        return v;
    }

    /** Types are matched without regard to case: {@code pagerduty} is as clear as {@code PAGERDUTY}. */
    public static Optional<IntegrationType> type(String type) {
        try {
            return Optional.of(IntegrationType.valueOf(type.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
