package io.incident.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every event the platform publishes. The contract tests, the JSON Schemas and the AsyncAPI file are checked against this list. */
public final class EventCatalog {

    private static final List<EventType> ALL = List.of(
            type(IncidentReported.class, "io.incident.reported.v1"),
            type(ReportAttached.class, "io.incident.report.attached.v1"),
            type(AcknowledgeRequested.class, "io.incident.acknowledge.requested.v1"),
            type(ResolveRequested.class, "io.incident.resolve.requested.v1"),
            type(QuestionAsked.class, "io.incident.question.asked.v1"),
            type(QuestionAnswered.class, "io.incident.question.answered.v1"),

            type(IncidentTriaged.class, "io.incident.triaged.v1"),
            type(CommanderPaged.class, "io.incident.commander.paged.v1"),
            type(CommanderAcknowledged.class, "io.incident.commander.acknowledged.v1"),
            type(IncidentEscalated.class, "io.incident.escalated.v1"),
            type(BlockerRaised.class, "io.incident.blocker.raised.v1"),
            type(HandOffProposed.class, "io.incident.handoff.proposed.v1"),
            type(CommandHandedOff.class, "io.incident.handoff.completed.v1"),
            type(HandOffDisputed.class, "io.incident.handoff.disputed.v1"),
            type(SeverityChanged.class, "io.incident.severity.changed.v1"),
            type(IncidentMitigated.class, "io.incident.mitigated.v1"),
            type(IncidentResolved.class, "io.incident.resolved.v1"),
            type(CloseProposed.class, "io.incident.close.proposed.v1"),
            type(CloseObjected.class, "io.incident.close.objected.v1"),
            type(IncidentClosed.class, "io.incident.closed.v1"),

            type(DeadlineScheduled.class, "io.incident.deadline.scheduled.v1"),
            type(DeadlineWarned.class, "io.incident.deadline.warned.v1"),
            type(DeadlineBreached.class, "io.incident.deadline.breached.v1"),
            type(DeadlineMet.class, "io.incident.deadline.met.v1"),

            type(NotificationDelivered.class, "io.incident.notification.delivered.v1"),
            type(NotificationFailed.class, "io.incident.notification.failed.v1"),
            type(TicketRecorded.class, "io.incident.ticket.recorded.v1"),

            type(DocumentCreated.class, "io.incident.document.created.v1"),
            type(DocumentUpdated.class, "io.incident.document.updated.v1"),
            type(SecurityFormFiled.class, "io.incident.security.form.filed.v1"),
            type(PostmortemPublished.class, "io.incident.postmortem.published.v1"),
            type(RootCauseAnalysisCompleted.class, "io.incident.rca.completed.v1"));

    private static final Map<String, EventType> BY_TYPE = new LinkedHashMap<>();
    private static final Map<Class<?>, EventType> BY_CLASS = new LinkedHashMap<>();

    static {
        for (EventType t : ALL) {
            if (BY_TYPE.put(t.type(), t) != null || BY_CLASS.put(t.recordClass(), t) != null) {
                throw new IllegalStateException("Duplicate catalogue entry " + t);
            }
        }
    }

    private EventCatalog() {
    }

    private static EventType type(Class<? extends IncidentEvent> recordClass, String type) {
        return new EventType(recordClass, type, Topics.of(recordClass));
    }

    public static List<EventType> all() {
        return ALL;
    }

    /** Unknown types are normal: a newer producer may publish events this consumer has never heard of. */
    public static Optional<EventType> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static EventType of(Class<? extends IncidentEvent> recordClass) {
        EventType t = BY_CLASS.get(recordClass);
        if (t == null) {
            throw new IllegalArgumentException(recordClass.getName() + " is not in the event catalogue");
        }
        return t;
    }

    public static EventType of(IncidentEvent event) {
        return of(event.getClass());
    }
}
