package io.incident.intake.integration;

/** The shape of the webhook a monitoring tool sends with an integration's key. */
public enum IntegrationType {
    PAGERDUTY, ALERTMANAGER, GRAFANA, GENERIC
}
