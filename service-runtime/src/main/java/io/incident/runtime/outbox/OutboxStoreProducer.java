package io.incident.runtime.outbox;

import io.incident.runtime.inbox.InboxStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The SQL classes are plain Java so that they can be tested without a container; this makes them injectable. */
@ApplicationScoped
class OutboxStoreProducer {

    @Produces
    @ApplicationScoped
    OutboxStore outboxStore() {
        return new OutboxStore();
    }

    @Produces
    @ApplicationScoped
    InboxStore inboxStore() {
        return new InboxStore();
    }
}
