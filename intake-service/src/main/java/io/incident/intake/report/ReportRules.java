package io.incident.intake.report;

import io.incident.events.Severity;
import io.incident.intake.team.Teams;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What makes a REST report acceptable. Pure: every rule is a function of the report alone. */
public final class ReportRules {

    public static final int MAX_TITLE = 1024;
    public static final int MAX_DESCRIPTION = 65_536;
    public static final int MAX_REPORTER = 320;

    private ReportRules() {
    }

    /** A field the caller must fix, and why. */
    public record Violation(String field, String reason) {
    }

    public static List<Violation> check(NewReport report) {
        List<Violation> v = new ArrayList<>();
        if (report == null) {
            return List.of(new Violation("body", "send a JSON object with at least title and team"));
        }
        if (report.title() == null || report.title().isBlank()) {
            v.add(new Violation("title", "is required: name the symptom, e.g. 'Checkout returns 502 for all users'"));
        } else if (report.title().length() > MAX_TITLE) {
            v.add(new Violation("title", "is longer than " + MAX_TITLE + " characters"));
        }
        if (report.team() == null || report.team().isBlank()) {
            v.add(new Violation("team", "is required: the team that owns the affected service"));
        } else if (!Teams.isValid(report.team())) {
            v.add(new Violation("team", Teams.RULE));
        }
        if (report.description() != null && report.description().length() > MAX_DESCRIPTION) {
            v.add(new Violation("description", "is longer than " + MAX_DESCRIPTION + " characters"));
        }
        if (report.reporter() != null && report.reporter().length() > MAX_REPORTER) {
            v.add(new Violation("reporter", "is longer than " + MAX_REPORTER + " characters"));
        }
        if (report.severity() != null && parseSeverity(report.severity()) == null) {
            v.add(new Violation("severity", "must be one of SEV1, SEV2, SEV3, SEV4"));
        }
        return v;
    }

    /** Without a stated severity a report is SEV3 until the IC verifies the impact (R-SEC-2). */
    public static Severity severity(NewReport report) {
        Severity s = report.severity() == null ? null : parseSeverity(report.severity());
        return s == null ? Severity.SEV3 : s;
    }

    private static Severity parseSeverity(String s) {
        try {
            return Severity.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
