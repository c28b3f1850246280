package io.incident.docs.document;

import io.incident.runtime.tx.AfterCommit;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.UUID;

/**
 * Tells open browser views that a document changed, once the change committed: a view that re-reads on a
 * notification then sees the change. Only this instance's changes are seen; with several instances a view also
 * picks up the others' changes at its next notification or reload.
 */
@ApplicationScoped
public class DocumentChanges {

    public record Change(UUID incidentId, int revision) {
    }

    private final TransactionSynchronizationRegistry transactions;
    private final BroadcastProcessor<Change> processor = BroadcastProcessor.create();

    public DocumentChanges(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    void afterCommit(UUID incidentId, int revision) {
        AfterCommit.run(transactions, () -> emit(new Change(incidentId, revision)));
    }

    // The processor needs its signals one at a time; commits happen on many threads.
    private synchronized void emit(Change change) {
        processor.onNext(change);
    }

    public Multi<Change> of(UUID incidentId) {
        return processor.filter(c -> c.incidentId().equals(incidentId));
    }
}
