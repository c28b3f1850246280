package io.incident.intake.question;

import io.incident.runtime.messaging.EventReceiver;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * incident.deadlines, for the question clocks that ran out (R-REP-7). Thin: {@link EventReceiver} decodes,
 * deduplicates and retries.
 */
@ApplicationScoped
public class QuestionTimeoutConsumer {

    private final EventReceiver receiver;
    private final Questions questions;

    public QuestionTimeoutConsumer(EventReceiver receiver, Questions questions) {
        this.receiver = receiver;
        this.questions = questions;
    }

    @Incoming("incident-deadlines")
    @Blocking
    public void onDeadline(ConsumerRecords<String, String> records) {
        receiver.receiveBatch(records, "incident-deadlines", Questions.CONSUMER, questions::apply);
    }
}
