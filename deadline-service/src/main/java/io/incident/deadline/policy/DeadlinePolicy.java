package io.incident.deadline.policy;

import io.incident.deadline.calendar.BusinessCalendar;
import io.incident.events.DeadlineKind;
import io.incident.events.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When each clock of the process is due, and when it warns. Pure: no framework, no clock of its own; every instant
 * comes from the event that starts the clock, so a redelivered or late event computes the same deadline.
 */
public final class DeadlinePolicy {

    /** The process's time goals (PROCESS.md); the shipped values are the defaults of {@link DeadlineSettings}. */
    public record Goals(
            Duration acknowledgeLikelyIncident,
            Duration acknowledgeStandardAlert,
            Duration triage,
            Duration question,
            Duration inquiryResponse,
            Duration documentUpdate,
            Duration securityForm,
            Duration leadershipUpdateSev1,
            Duration leadershipUpdateSev2,
            Duration fatigueRotation,
            Duration closeObjectionWindow,
            int rootCauseAnalysisBusinessDays) {

        public Goals {
            for (Duration d : new Duration[] {acknowledgeLikelyIncident, acknowledgeStandardAlert, triage, question,
                    inquiryResponse, documentUpdate, securityForm, leadershipUpdateSev1, leadershipUpdateSev2,
                    fatigueRotation, closeObjectionWindow}) {
                if (d == null || d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("Every deadline goal must be a positive duration: " + this);
                }
            }
            if (rootCauseAnalysisBusinessDays < 1) {
                throw new IllegalArgumentException("The root cause analysis needs at least one business day");
            }
        }
    }

    /** A clock's period: it runs from {@code startsAt}, warns at {@code warnAt} (null: no warning), ends at {@code dueAt}. */
    public record Timing(Instant startsAt, Instant warnAt, Instant dueAt) {
    }

    private final Goals goals;
    private final double warnFraction;
    private final BusinessCalendar calendar;
    private final Set<String> machineEntryKinds;

    /**
     * @param warnFraction the share of a clock's period after which it warns, in (0, 1]; 1 means never warn
     * @param machineEntryKinds document entry kinds the platform writes by itself; they are not the IC's update
     */
    public DeadlinePolicy(Goals goals, double warnFraction, BusinessCalendar calendar, Set<String> machineEntryKinds) {
        if (!(warnFraction > 0 && warnFraction <= 1)) {
            throw new IllegalArgumentException("The warn fraction must be above 0 and at most 1; got " + warnFraction);
        }
        this.goals = Objects.requireNonNull(goals);
        this.warnFraction = warnFraction;
        this.calendar = Objects.requireNonNull(calendar);
        this.machineEntryKinds = Set.copyOf(machineEntryKinds);
    }

    public Goals goals() {
        return goals;
    }

    /** R-ACK-2: runs from when the report arrived, not from when this service heard of it. */
    public Timing acknowledge(Instant reportedAt, boolean likelyIncident) {
        return timing(reportedAt, likelyIncident ? goals.acknowledgeLikelyIncident() : goals.acknowledgeStandardAlert());
    }

    /**
     * Clocks with one fixed period: R-ACK-3 triage, R-REP-7 question, R-CMD-7 inquiry, R-DOC-2 document update,
     * R-SEC-1 security form, R-CMD-5 fatigue rotation.
     */
    public Timing after(DeadlineKind kind, Instant from) {
        Duration period = switch (kind) {
            case TRIAGE -> goals.triage();
            case QUESTION -> goals.question();
            case INQUIRY_RESPONSE -> goals.inquiryResponse();
            case DOCUMENT_UPDATE -> goals.documentUpdate();
            case SECURITY_FORM -> goals.securityForm();
            case FATIGUE_ROTATION -> goals.fatigueRotation();
            default -> throw new IllegalArgumentException(kind + " has no fixed period; use its own method");
        };
        return timing(from, period);
    }

    /** R-SEC-3: SEV1 every few hours, SEV2 daily; lower severities owe leadership no scheduled update. */
    public Optional<Timing> leadershipUpdate(Severity severity, Instant from) {
        if (severity == Severity.SEV1) {
            return Optional.of(timing(from, goals.leadershipUpdateSev1()));
        }
        if (severity == Severity.SEV2) {
            return Optional.of(timing(from, goals.leadershipUpdateSev2()));
        }
        return Optional.empty();
    }

    /**
     * R-CLS-1: objections are heard until the end the commander announced; without one, for the configured window.
     */
    public Timing closeObjectionWindow(Instant proposedAt, Instant announcedEnd) {
        Instant end = announcedEnd != null ? announcedEnd : proposedAt.plus(goals.closeObjectionWindow());
        return timing(proposedAt, end);
    }

    /** R-PM-2: within one business day of closing; weekends and holidays do not count. */
    public Timing rootCauseAnalysis(Instant closedAt) {
        return timing(closedAt, calendar.plusBusinessDays(closedAt, goals.rootCauseAnalysisBusinessDays()));
    }

    /** R-DOC-2 asks the IC to update the document; entries the platform adds by itself do not count. */
    public boolean countsAsDocumentUpdate(String entryKind) {
        return entryKind == null || !machineEntryKinds.contains(entryKind);
    }

    private Timing timing(Instant from, Duration period) {
        return timing(from, from.plus(period));
    }

    private Timing timing(Instant from, Instant due) {
        Duration period = Duration.between(from, due);
        if (period.isNegative() || period.isZero()) {
            return new Timing(from, null, due);
        }
        // Milliseconds: the database keeps microseconds, and a warning needs no finer grain.
        Instant warn = from.plusMillis(Math.round(period.toMillis() * warnFraction));
        return new Timing(from, warn.isBefore(due) ? warn : null, due);
    }
}
