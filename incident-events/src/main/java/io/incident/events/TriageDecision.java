package io.incident.events;

/** R-ACK-1: the responder's decision about an alert. */
public enum TriageDecision {
    INCIDENT, NOT_AN_INCIDENT, FALSE_POSITIVE
}
