package io.incident.runtime.audit;

import java.time.Instant;

public record AuditEntry(long id, Instant at, String actor, String roles, String method, String path, int status) {
}
