package io.incident.e2e;

import com.icegreen.greenmail.util.GreenMail;
import io.incident.local.MailSink;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks every whole-stack run ends with on the SMTP sink: mail went only to people and stakeholders the run
 * entered, no message carries a stack trace, and nothing was delivered twice.
 */
final class MailSweep {

    private MailSweep() {
    }

    /**
     * Every message went to a known address, holds no stack trace, and no two messages are the same delivery
     * (recipients, subject and body).
     */
    static void assertOnlyKnownRecipientsAndNothingTwice(List<Map<String, Object>> messages,
                                                         Collection<String> knownAddresses) {
        assertOnlyKnownRecipients(messages, knownAddresses);
        assertThat(messages.stream().map(MailSweep::identity)).as("no message delivered twice")
                .doesNotHaveDuplicates();
    }

    /** Every message went to a known address and holds no stack trace. */
    static void assertOnlyKnownRecipients(List<Map<String, Object>> messages, Collection<String> knownAddresses) {
        assertThat(messages).as("the run sent mail").isNotEmpty();
        for (Map<String, Object> m : messages) {
            assertThat(knownAddresses).as("recipient of %s", m.get("subject"))
                    .anyMatch(a -> recipients(m).contains(a));
            assertThat(String.valueOf(m.get("body"))).as("no stack trace in any message")
                    .doesNotContain("Exception");
        }
    }

    /**
     * After crashes the notification service may resend a message whose send it could not record (its README's
     * window of one message per sender thread); such a resend carries the first attempt's Message-ID, so mail clients
     * drop it. What must never happen is a second, distinct delivery of one notice: two messages with the same
     * recipients, subject and body under different Message-IDs. Returns how many resends (same Message-ID) arrived.
     */
    static int assertNoNoticeDeliveredTwice(MailSink sink) {
        Map<String, Set<String>> messageIdsByNotice = new LinkedHashMap<>();
        int resends = 0;
        Set<String> seenIds = new LinkedHashSet<>();
        for (MimeMessage m : received(sink)) {
            try {
                String id = m.getMessageID();
                if (!seenIds.add(id)) {
                    resends++;
                }
                messageIdsByNotice.computeIfAbsent(String.join(",", addresses(m)) + "|" + m.getSubject() + "|"
                        + m.getContent(), k -> new LinkedHashSet<>()).add(id);
            } catch (Exception e) {
                throw new IllegalStateException("Unreadable message in the mail sink", e);
            }
        }
        assertThat(messageIdsByNotice.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey).toList()).as("notices delivered twice under distinct Message-IDs").isEmpty();
        return resends;
    }

    static String recipients(Map<String, Object> message) {
        return String.valueOf(message.get("to"));
    }

    private static String identity(Map<String, Object> m) {
        return recipients(m) + "|" + m.get("subject") + "|" + m.get("body");
    }

    private static List<String> addresses(MimeMessage m) throws MessagingException {
        List<String> out = new ArrayList<>();
        if (m.getAllRecipients() != null) {
            for (Address a : m.getAllRecipients()) {
                out.add(a.toString());
            }
        }
        return out;
    }

    /**
     * The sink's JSON view leaves out the Message-ID header, which alone tells a resend from a second delivery; the
     * raw messages are read from the sink's GreenMail instance instead.
     */
    private static MimeMessage[] received(MailSink sink) {
        try {
            Field f = MailSink.class.getDeclaredField("greenMail");
            f.setAccessible(true);
            return ((GreenMail) f.get(sink)).getReceivedMessages();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The mail sink no longer keeps its GreenMail in 'greenMail'", e);
        }
    }
}
