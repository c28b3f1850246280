package io.incident.intake.integration;

/** A request to connect a monitoring tool: the team its alerts go to, a name people recognise, the webhook shape. */
public record NewIntegration(String team, String name, String type) {
}
