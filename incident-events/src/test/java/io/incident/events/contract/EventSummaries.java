package io.incident.events.contract;

import io.incident.events.AcknowledgeRequested;
import io.incident.events.BlockerRaised;
import io.incident.events.CloseObjected;
import io.incident.events.CloseProposed;
import io.incident.events.CommandHandedOff;
import io.incident.events.CommanderAcknowledged;
import io.incident.events.CommanderPaged;
import io.incident.events.DeadlineBreached;
import io.incident.events.DeadlineMet;
import io.incident.events.DeadlineScheduled;
import io.incident.events.DeadlineWarned;
import io.incident.events.DocumentCreated;
import io.incident.events.DocumentUpdated;
import io.incident.events.HandOffDisputed;
import io.incident.events.HandOffProposed;
import io.incident.events.IncidentClosed;
import io.incident.events.IncidentEscalated;
import io.incident.events.IncidentEvent;
import io.incident.events.IncidentMitigated;
import io.incident.events.IncidentReported;
import io.incident.events.IncidentResolved;
import io.incident.events.IncidentTriaged;
import io.incident.events.NotificationDelivered;
import io.incident.events.NotificationFailed;
import io.incident.events.PostmortemPublished;
import io.incident.events.QuestionAnswered;
import io.incident.events.QuestionAsked;
import io.incident.events.ReportAttached;
import io.incident.events.ResolveRequested;
import io.incident.events.RootCauseAnalysisCompleted;
import io.incident.events.SecurityFormFiled;
import io.incident.events.SeverityChanged;
import io.incident.events.TicketRecorded;

import java.util.Map;
import java.util.Optional;

import static java.util.Map.entry;

/**
 * One sentence per event for the schemas and the AsyncAPI document. Javadoc is gone at run time, so the meaning of
 * each record is restated here; keep it in step with the record's javadoc.
 */
final class EventSummaries {

    private static final Map<Class<? extends IncidentEvent>, String> SUMMARIES = Map.ofEntries(
            entry(IncidentReported.class,
                    "A report opened a new incident; personal data is already removed and the reporter is an opaque id."),
            entry(ReportAttached.class,
                    "A further report of the same problem was attached to the open incident."),
            entry(AcknowledgeRequested.class,
                    "A monitoring tool relayed an acknowledgement, such as a PagerDuty acknowledge."),
            entry(ResolveRequested.class,
                    "A monitoring tool reported that the problem is gone; the commander decides what it means."),
            entry(QuestionAsked.class,
                    "Someone unsure whether a problem is an incident asked the team; unanswered in time, it becomes one."),
            entry(QuestionAnswered.class,
                    "A responder answered a question, saying whether it is an incident."),

            entry(IncidentTriaged.class,
                    "The responder decided whether the alert is an incident; other decisions are recorded as tickets."),
            entry(CommanderPaged.class,
                    "A person was paged to take command at an escalation level, with the time by which to acknowledge."),
            entry(CommanderAcknowledged.class,
                    "The paged person acknowledged and is now the Incident Commander."),
            entry(IncidentEscalated.class,
                    "Paging moved to the next escalation level, or reached the product owner and the CTO."),
            entry(BlockerRaised.class,
                    "A blocker or dispute the Incident Commander cannot resolve went to the product owner and the CTO."),
            entry(HandOffProposed.class,
                    "The Incident Commander proposed handing command to another person and keeps it until accepted."),
            entry(CommandHandedOff.class,
                    "The new Incident Commander accepted and announced that they have command."),
            entry(HandOffDisputed.class,
                    "The teams could not agree on the new Incident Commander; their product owners and the CTO are told."),
            entry(SeverityChanged.class,
                    "The severity was adjusted after the impact was verified."),
            entry(IncidentMitigated.class,
                    "The bleeding stopped: the system works again, perhaps with a workaround."),
            entry(IncidentResolved.class,
                    "The system is back to normal, so closing by consensus may start."),
            entry(CloseProposed.class,
                    "The Incident Commander proposed closing; objections are heard until the window ends."),
            entry(CloseObjected.class,
                    "A valid objection keeps the incident open; the reason goes on the timeline."),
            entry(IncidentClosed.class,
                    "The incident closed with no objection standing; the bridge shuts and the retrospective is scheduled."),

            entry(DeadlineScheduled.class,
                    "A clock started for the incident."),
            entry(DeadlineWarned.class,
                    "A clock is close to running out."),
            entry(DeadlineBreached.class,
                    "A clock ran out before what it waited for happened."),
            entry(DeadlineMet.class,
                    "What a clock waited for happened in time, so the clock stopped."),

            entry(NotificationDelivered.class,
                    "A message reached a stakeholder audience, named by role or list, on a channel."),
            entry(NotificationFailed.class,
                    "A message could not be delivered after its retries."),
            entry(TicketRecorded.class,
                    "A ticket was filed in the ticketing system."),

            entry(DocumentCreated.class,
                    "The incident response document exists, with its tracking id and link."),
            entry(DocumentUpdated.class,
                    "An entry was added to the incident document's running log."),
            entry(SecurityFormFiled.class,
                    "The security incident form went to the IT service desk."),
            entry(PostmortemPublished.class,
                    "The postmortem passed the writing checks and was published."),
            entry(RootCauseAnalysisCompleted.class,
                    "The root cause analysis is done."));

    private EventSummaries() {
    }

    static Optional<String> find(Class<? extends IncidentEvent> recordClass) {
        return Optional.ofNullable(SUMMARIES.get(recordClass));
    }

    static String of(Class<? extends IncidentEvent> recordClass) {
        return find(recordClass).orElseThrow(() -> new IllegalStateException(
                "No summary for " + recordClass.getSimpleName() + ": add one to " + EventSummaries.class.getSimpleName()));
    }
}
