package io.incident.runtime.tx;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Work that must wait until the current JTA transaction has committed: waking a worker for rows it wrote, telling
 * browsers of a change. Before the commit the rows are not visible to other connections; after a rollback they do
 * not exist, so the action runs only on commit.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Runs {@code action} after the current transaction commits. */
    public static void run(TransactionSynchronizationRegistry transactions, Runnable action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }

    /**
     * Runs {@code action} once after the current transaction commits, however many times the transaction asks for it
     * under the same {@code key}: a transaction that writes a hundred rows wakes their worker once.
     */
    public static void once(TransactionSynchronizationRegistry transactions, Object key, Runnable action) {
        if (transactions.getResource(key) != null) {
            return;
        }
        transactions.putResource(key, Boolean.TRUE);
        run(transactions, action);
    }
}
