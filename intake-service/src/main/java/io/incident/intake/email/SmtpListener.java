package io.incident.intake.email;

import io.incident.intake.IntakeConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The SMTP listener for e-mailed reports (R-REP-2). Recipients are checked at {@code RCPT TO}: anything but an
 * intake address is refused with 550 and the reason, so this server never relays. Size is checked while the data
 * is read, and the mail is committed before the final 250, so a sender that got 250 can forget the mail.
 */
@ApplicationScoped
public class SmtpListener {

    private static final Logger LOG = Logger.getLogger(SmtpListener.class);
    /** More recipients than this in one transaction is a broadcast or an abuse, not a report. */
    private static final int MAX_RECIPIENTS = 20;

    private final MailIntake intake;
    private final IntakeConfig config;
    private SMTPServer server;

    public SmtpListener(MailIntake intake, IntakeConfig config) {
        this.intake = intake;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        server = SMTPServer.port(config.smtp().port())
                .hostName(config.email().domain())
                .softwareName("incident intake")
                .maxRecipients(MAX_RECIPIENTS)
                .maxMessageSize(intake.maxMessageBytes())
                .messageHandlerFactory(this::handler)
                .build();
        server.start();
        LOG.infof("Taking e-mailed reports for *incident-report@%s over SMTP on port %d", config.email().domain(),
                server.getPortAllocated());
    }

    void stop(@Observes ShutdownEvent event) {
        if (server != null) {
            server.stop();
        }
    }

    /** The port the listener is bound to; differs from the configured one when that is 0. */
    public int port() {
        return server.getPortAllocated();
    }

    private MessageHandler handler(MessageContext context) {
        return new Session();
    }

    /**
     * What the final 250 says: the incident of each team, so a sender's log shows where the report went.
     * "reported as incident X" for one team, "payments: reported as incident X; database: attached to incident Y"
     * for several.
     */
    static String reply(List<MailIntake.Taken> taken) {
        List<String> parts = new ArrayList<>();
        for (MailIntake.Taken t : taken) {
            String what = t.duplicate() ? "already taken"
                    : (t.opened() ? "reported as incident " : "attached to incident ") + t.incidentId();
            parts.add(taken.size() == 1 ? what : t.team() + ": " + what);
        }
        return String.join("; ", parts);
    }

    /** One SMTP mail transaction. */
    private final class Session implements MessageHandler {
        private String from;
        private final List<IntakeAddress.Recipient> recipients = new ArrayList<>();

        @Override
        public void from(String from) {
            this.from = from;
        }

        @Override
        public void recipient(String address) throws RejectException {
            IntakeAddress.Verdict verdict = intake.recipient(address);
            if (verdict.recipient().isEmpty()) {
                throw new RejectException(550, "5.1.1 " + verdict.refusal());
            }
            recipients.add(verdict.recipient().get());
        }

        @Override
        public String data(InputStream data) throws RejectException, IOException {
            int max = intake.maxMessageBytes();
            byte[] raw = data.readNBytes(max + 1);
            if (raw.length > max) {
                data.transferTo(OutputStream.nullOutputStream());
                throw new RejectException(552, "5.3.4 the message is larger than the " + (max / 1024 / 1024)
                        + " MB intake accepts; send the report without large attachments and link to them instead");
            }
            try {
                return "2.0.0 " + reply(intake.take(from, recipients, raw));
            } catch (MailParser.Unreadable e) {
                throw new RejectException(e.tooLarge() ? 552 : 554, (e.tooLarge() ? "5.3.4 " : "5.6.0 ")
                        + e.getMessage());
            } catch (RuntimeException e) {
                // Nothing was committed: a temporary failure makes the sending server try again later.
                LOG.error("Could not take an e-mailed report; the sender will retry", e);
                throw new RejectException(451, "4.3.0 the report could not be stored just now; try again later");
            }
        }

        @Override
        public void done() {
            // Nothing held between transactions.
        }
    }
}
