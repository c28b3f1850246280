package io.incident.deadline.policy;

import io.incident.deadline.calendar.BusinessCalendar;
import io.incident.events.DeadlineKind;
import io.incident.events.Severity;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
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
    private final Map<String, ZoneId> teamZones;
    private final EntryKinds entryKinds;

    /**
     * The docs service's entry kinds that matter here.
     *
     * @param human            kinds people write; only these are an update of the document (R-DOC-2)
     * @param leadershipUpdate the kind that is an update to leadership (R-SEC-3)
     */
    public record EntryKinds(Set<String> human, String leadershipUpdate) {
        public EntryKinds {
            human = Set.copyOf(human);
            Objects.requireNonNull(leadershipUpdate, "leadershipUpdate");
        }
    }

    /**
     * @param warnFraction the share of a clock's period after which it warns, in (0, 1]; 1 means never warn
     * @param calendar     the business days, in the zone of teams without one of their own
     * @param teamZones    where teams that work elsewhere work: their business day starts at their midnight
     */
    public DeadlinePolicy(Goals goals, double warnFraction, BusinessCalendar calendar, Map<String, ZoneId> teamZones,
                          EntryKinds entryKinds) {
        if (!(warnFraction > 0 && warnFraction <= 1)) {
            throw new IllegalArgumentException("The warn fraction must be above 0 and at most 1; got " + warnFraction);
        }
        this.goals = Objects.requireNonNull(goals);
        this.warnFraction = warnFraction;
        this.calendar = Objects.requireNonNull(calendar);
        this.teamZones = Map.copyOf(teamZones);
        this.entryKinds = Objects.requireNonNull(entryKinds);
    }

    public Goals goals() {
        return goals;
    }

    /** R-ACK-2: runs from when the report arrived, not from when this service heard of it. */
    public Timing acknowledge(Instant reportedAt, boolean likelyIncident) {
        return timing(reportedAt, likelyIncident ? goals.acknowledgeLikelyIncident() : goals.acknowledgeStandardAlert());
    }

    /** R-ACK-2 after an escalation: the commander names by when the level it paged must answer. */
    public Timing acknowledgeBy(Instant pagedAt, Instant acknowledgeBy) {
        return timing(pagedAt, acknowledgeBy);
    }

    /**
     * R-REP-7: a question is due when the process's goal runs out, or sooner if the asker needs the answer sooner.
     * The asker cannot buy more time than the goal: an {@code answerBy} after it does not move the clock.
     */
    public Timing question(Instant askedAt, Instant answerBy) {
        Instant goal = askedAt.plus(goals.question());
        return timing(askedAt, answerBy != null && answerBy.isBefore(goal) ? answerBy : goal);
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

    /**
     * R-PM-2: within one business day of closing; weekends and holidays do not count, and the day is the owning
     * team's (a team in another time zone starts its business day at its own midnight).
     */
    public Timing rootCauseAnalysis(Instant closedAt, String team) {
        BusinessCalendar days = team == null ? calendar
                : calendar.inZone(teamZones.getOrDefault(team, calendar.zone()));
        return timing(closedAt, days.plusBusinessDays(closedAt, goals.rootCauseAnalysisBusinessDays()));
    }

    /** R-DOC-2 asks the IC to update the document; entries the platform adds by itself do not count. */
    public boolean countsAsDocumentUpdate(String entryKind) {
        return entryKind != null && entryKinds.human().contains(entryKind);
    }

    /** R-SEC-3: the IC's update to leadership, written into the document. */
    public boolean isLeadershipUpdate(String entryKind) {
        return entryKinds.leadershipUpdate().equals(entryKind);
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
