package io.incident.intake.question;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** R-REP-7: a question to a team, and how it ended. The text is stored with personal data already removed. */
@Entity
@Table(name = "question")
public class Question {

    public enum Status {
        /** Waiting for a responder. */
        OPEN,
        /** A responder answered; {@code answeredIncident} says whether the answer was "an incident". */
        ANSWERED,
        /** Nobody answered in time, so the question became an incident (R-REP-7). */
        UNANSWERED_INCIDENT
    }

    @Id
    public UUID id;
    /** Reserved when the question is asked: the id of the incident it becomes, if it becomes one. */
    public UUID incidentId;
    public String team;
    public String text;
    /** How to reach the asker: personal data, kept in intake only. */
    public String asker;
    public UUID askerRef;
    public Instant askedAt;
    public Instant answerBy;
    /** The text held personal data (R-REP-6): the incident it becomes is a security incident. */
    public boolean security;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String answeredBy;
    public String answer;
    public Boolean answeredIncident;
    public Instant answeredAt;
    public Instant becameIncidentAt;
    /** The breach consumer and a responder may end the question at once; only one of them may. */
    @Version
    public long version;

    /** Whether the question is now an incident, by either path. */
    public boolean isIncident() {
        return status == Status.UNANSWERED_INCIDENT || Boolean.TRUE.equals(answeredIncident);
    }
}
