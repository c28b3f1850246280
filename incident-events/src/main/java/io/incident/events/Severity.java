package io.incident.events;

/** R-SEC-2: SEV1 is the worst. */
public enum Severity {
    SEV1, SEV2, SEV3, SEV4
}
