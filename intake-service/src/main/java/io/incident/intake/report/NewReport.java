package io.incident.intake.report;

/**
 * A report from a person or a tool over REST (R-REP-1: no account needed). Only {@code title} and {@code team}
 * are required. {@code reporter} is how to reach the reporter; it is kept in intake only.
 */
public record NewReport(String title, String description, String team, String reporter, String severity) {
}
