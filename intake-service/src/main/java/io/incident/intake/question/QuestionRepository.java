package io.incident.intake.question;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class QuestionRepository implements PanacheRepositoryBase<Question, UUID> {

    /** The question, locked until the transaction ends, so an answer and a breach cannot both end it. */
    public Optional<Question> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<Question> lockByIncident(UUID incidentId) {
        return find("incidentId", incidentId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
