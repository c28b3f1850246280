package io.incident.e2e;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.incident.local.MailSink;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches the mail sink from the test's own thread and notes when each message first arrived, to the poll
 * interval, so a test can time report → page mail; and lists every message the sink holds, with its Message-ID,
 * to tell a resend (same Message-ID) from a second delivery (a new one).
 */
final class MailArrivals implements AutoCloseable {

    /** One message as stored for one recipient; {@code incidentId} is the incident its body names, if any. */
    record Mail(String messageId, String recipient, String subject, Optional<UUID> incidentId) {
    }

    private static final Pattern INCIDENT = Pattern.compile("incident ([0-9a-f]{8}-[0-9a-f-]{27})");
    private static final long POLL_MILLIS = 20;

    private final GreenMail greenMail;
    /** First arrival ({@link System#nanoTime()}) by the subject's first word and the incident the body names. */
    private final Map<String, Long> first = new ConcurrentHashMap<>();
    private final Map<String, Boolean> seen = new ConcurrentHashMap<>();
    private final Thread watcher;
    private volatile boolean running = true;

    MailArrivals(MailSink sink) {
        this.greenMail = greenMailOf(sink);
        watcher = new Thread(this::watch, "mail-arrivals");
        watcher.setDaemon(true);
        watcher.start();
    }

    /**
     * When the first message whose subject starts with {@code prefix} (such as "[Page]") and whose body names the
     * incident arrived, or null if none has.
     */
    Long firstArrival(String prefix, UUID incident) {
        return first.get(prefix + " " + incident);
    }

    /** Every message the sink holds now, one per recipient's copy. */
    List<Mail> all() {
        List<Mail> out = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            try {
                String body = GreenMailUtil.getBody(m);
                Matcher incident = INCIDENT.matcher(body);
                Optional<UUID> id = incident.find() ? Optional.of(UUID.fromString(incident.group(1)))
                        : Optional.empty();
                for (String recipient : recipients(m)) {
                    out.add(new Mail(m.getMessageID(), recipient, m.getSubject(), id));
                }
            } catch (MessagingException e) {
                throw new IllegalStateException("Unreadable message in the mail sink", e);
            }
        }
        return out;
    }

    private void watch() {
        while (running) {
            try {
                for (MimeMessage m : greenMail.getReceivedMessages()) {
                    String id = m.getMessageID();
                    if (id == null || seen.containsKey(id)) {
                        continue;
                    }
                    long now = System.nanoTime();
                    String subject = m.getSubject();
                    Matcher incident = INCIDENT.matcher(GreenMailUtil.getBody(m));
                    if (subject != null && incident.find()) {
                        first.putIfAbsent(subject.split(" ", 2)[0] + " " + incident.group(1), now);
                    }
                    seen.put(id, Boolean.TRUE);
                }
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            } catch (MessagingException | RuntimeException e) {
                // A message being stored as we read: the next poll sees it whole.
            }
        }
    }

    private static List<String> recipients(MimeMessage m) throws MessagingException {
        List<String> out = new ArrayList<>();
        Address[] all = m.getAllRecipients();
        if (all != null) {
            for (Address a : all) {
                out.add(a.toString());
            }
        }
        return out;
    }

    /** The sink keeps its GreenMail private; its raw messages carry the Message-ID that the JSON view leaves out. */
    private static GreenMail greenMailOf(MailSink sink) {
        try {
            Field f = MailSink.class.getDeclaredField("greenMail");
            f.setAccessible(true);
            return (GreenMail) f.get(sink);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The mail sink no longer keeps its GreenMail in 'greenMail'", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        watcher.interrupt();
        watcher.join(5_000);
    }
}
