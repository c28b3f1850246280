package io.incident.notification.channel;

import io.incident.notification.NotificationConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * SMTP through quarkus-mailer, every message as plain text with an HTML alternative. The Message-ID is ours, so a
 * message sent twice after a crash is recognisable.
 */
@ApplicationScoped
public class EmailChannel implements Channel {

    private final Mailer mailer;
    private final String from;

    public EmailChannel(Mailer mailer, NotificationConfig config) {
        this.mailer = mailer;
        this.from = config.mailFrom();
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.EMAIL;
    }

    @Override
    public String send(OutgoingMessage message) throws DeliveryException {
        if (!message.recipient().contains("@")) {
            throw DeliveryException.permanent("Not an e-mail address");
        }
        // Text and HTML of the same content make a multipart/alternative: a phone's mail app shows the HTML with
        // links to tap, a plain-text client or a pager gateway reads the text.
        Mail mail = Mail.withText(message.recipient(), message.subject(), message.body())
                .setHtml(MailHtml.of(message.subject(), message.body()))
                .setFrom(from)
                .addHeader("Message-ID", message.messageId())
                .addHeader("X-Incident-Id", message.incidentId().toString());
        try {
            mailer.send(mail);
            return null;
        } catch (RuntimeException e) {
            SMTPException smtp = smtpCause(e);
            if (smtp != null && isPermanent(smtp.getReplyCode())) {
                throw DeliveryException.permanent("SMTP " + smtp.getReplyCode() + ": " + smtp.getMessage());
            }
            throw DeliveryException.transientFailure("SMTP send failed: " + e.getMessage(), e);
        }
    }

    /**
     * A 5xx reply refuses this message or recipient for good, except the replies that say the SMTP dialogue itself
     * went wrong (500 unrecognised, 502 not implemented, 503 bad sequence, 504 parameter not implemented): those
     * come from a session out of step (the client also reports an unreadable reply, such as a greeting cut short,
     * as 500), and a fresh session on the next attempt can succeed. Attempts are bounded, so a server that really
     * rejects a command still ends on the dead-letter list.
     */
    static boolean isPermanent(int replyCode) {
        return replyCode >= 500 && replyCode < 600 && replyCode != 500 && replyCode != 502 && replyCode != 503
                && replyCode != 504;
    }

    private static SMTPException smtpCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPException s) {
                return s;
            }
        }
        return null;
    }
}
