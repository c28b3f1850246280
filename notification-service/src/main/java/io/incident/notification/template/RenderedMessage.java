package io.incident.notification.template;

/** A template filled in: what a channel sends. */
public record RenderedMessage(String subject, String body) {
}
