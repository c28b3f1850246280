package io.incident.notification.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every value any notice provides, with invented sample data: what previews use and saved templates are checked against. */
public final class TemplateSamples {

    private TemplateSamples() {
    }

    public static Map<String, Object> values() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("incidentId", "7d1c3a52-0000-4000-8000-000000000001");
        v.put("title", "Checkout answers with errors");
        v.put("team", "payments");
        v.put("severity", "SEV2");
        v.put("incidentUrl", "http://commander.example.org/incidents/7d1c3a52-0000-4000-8000-000000000001");
        v.put("documentUrl", "http://docs.example.org/incidents/7d1c3a52-0000-4000-8000-000000000001/document");
        v.put("bridge", "https://meet.example.org/payments-bridge");
        v.put("commanderRef", "person-ref-7");
        v.put("level", 1);
        v.put("acknowledgeBy", "2026-01-01T10:05:00Z");
        v.put("acknowledgeByText", "2026-01-01 10:05 UTC");
        v.put("source", "Prometheus Alertmanager");
        v.put("startedAt", "2026-01-01 10:00 UTC");
        v.put("reports", "3");
        v.put("description", "Checkout answers 502 for about a third of requests since 09:58 UTC.\n"
                + "Payments provider status page shows no incident.");
        v.put("evidenceLinks", List.of("https://prometheus.example.org/graph?g0.expr=rate(http_5xx%5B5m%5D)",
                "https://runbooks.example.org/checkout/5xx"));
        v.put("endedAt", "2026-01-01 10:04 UTC");
        v.put("endedBy", "monitoring:ALERTMANAGER");
        v.put("acknowledgeUrl", "http://commander.example.org/incidents/7d1c3a52-0000-4000-8000-000000000001");
        v.put("responseTeamsUrl", "https://wiki.example.org/incident-response-teams");
        v.put("filedAt", "2026-01-01T10:30:00Z");
        v.put("revision", 4);
        v.put("fromRef", "person-ref-7");
        v.put("toRef", "person-ref-9");
        v.put("toTeam", "checkout");
        v.put("fromTeam", "payments");
        v.put("reason", "Both teams see the fault in the other's system");
        v.put("summary", "Need a database failover approved");
        v.put("raisedBy", "person-ref-7");
        v.put("objectionUrl", "http://commander.example.org/incidents/7d1c3a52-0000-4000-8000-000000000001/close-objections");
        v.put("objectionWindowEndsAt", "2026-01-01T12:15:00Z");
        v.put("kind", "DOCUMENT_UPDATE");
        v.put("clock", "Incident document update");
        v.put("action",
                "Add an entry to the incident document, even if there is nothing new (R-DOC-2).");
        v.put("dueAt", "2026-01-01T12:00:00Z");
        v.put("findings", List.of("No time when the problem started", "No affected URL"));
        v.put("label", "qpp-incident-response");
        v.put("decision", "FALSE_POSITIVE");
        v.put("note", "Monitoring glitch");
        v.put("decidedBy", "person-ref-7");
        return v;
    }
}
