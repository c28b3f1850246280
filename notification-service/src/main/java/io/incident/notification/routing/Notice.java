package io.incident.notification.routing;

import java.util.Map;

/**
 * A message the process calls for: which template, for whom, with which values. {@code key} identifies the notice
 * so that raising it twice (a redelivery, or either of two events) sends it once.
 */
public record Notice(String key, String template, Audience audience, Map<String, Object> values) {
}
