package io.incident.events;

/** How a report reached intake (R-REP-2, R-REP-3). */
public enum ReportChannel {
    REST, GENERIC_WEBHOOK, PAGERDUTY, ALERTMANAGER, GRAFANA, EMAIL,
    /** A person declared it from a chat tool ({@code /incident} in Slack). */
    CHAT
}
