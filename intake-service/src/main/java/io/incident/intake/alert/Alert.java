package io.incident.intake.alert;

import io.incident.events.Severity;

import java.util.List;

/**
 * One alert from a monitoring tool, whatever shape it came in: what PagerDuty, Alertmanager, Grafana and generic
 * webhooks are reduced to before de-duplication. {@code title}, {@code description} and {@code severity} matter
 * for a trigger only.
 *
 * @param severity       the tool's severity, mapped; null if it stated none
 * @param siteWide       the tool says the whole site is affected (R-ACK-4)
 * @param startTimeKnown the tool said when the problem started (R-REP-4)
 * @param rawPayload     the request as received, minus credentials: kept with the report, never on an event
 */
public record Alert(EventAction action, String dedupKey, String title, String description, Severity severity,
                    boolean siteWide, List<String> evidenceLinks, boolean startTimeKnown, String rawPayload) {
}
