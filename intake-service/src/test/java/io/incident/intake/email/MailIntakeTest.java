package io.incident.intake.email;

import io.incident.testkit.Tokens;
import io.incident.events.IncidentEvent;
import io.incident.events.IncidentReported;
import io.incident.events.ReportAttached;
import io.incident.events.ReportChannel;
import io.incident.intake.IntakeApi;
import io.incident.testkit.InfrastructureTestResource;
import io.incident.testkit.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static io.incident.intake.IntakeApi.query;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Real mail over SMTP to the listener, and raw mail over {@code POST /mail}, through to Kafka and PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(InfrastructureTestResource.class)
class MailIntakeTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();
    private static final String DOMAIN = "incidents.example.org";

    @Inject
    SmtpListener listener;

    private MimeMessage message(String to, String subject, String text) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "localhost");
        props.put("mail.smtp.port", String.valueOf(listener.port()));
        MimeMessage m = new MimeMessage(Session.getInstance(props));
        m.setFrom(new InternetAddress("ana.reporter@example.org", "Ana Reporter"));
        m.setRecipients(Message.RecipientType.TO, to);
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        return m;
    }

    private static String send(MimeMessage m) throws Exception {
        m.saveChanges();
        Transport.send(m);
        return m.getMessageID();
    }

    private static IncidentReported reportedWithTitle(String title) {
        return (IncidentReported) IntakeApi.reportEvents(kafka,
                e -> e instanceof IncidentReported r && title.equals(r.title()), 1).get(0);
    }

    @Test
    @DisplayName("R-REP-2 R-ACK-2 a mail to a team address is a likely incident; the event carries only a reporterRef")
    void mailOpensIncident() throws Exception {
        String subject = "Refunds fail with 500 – " + UUID.randomUUID();
        MimeMessage m = message("payments-incident-report@" + DOMAIN, subject,
                "Since 09:30 UTC refunds fail. https://logs.example.org/search?q=refund");
        send(m);
        IncidentReported reported = reportedWithTitle(subject);
        assertThat(reported.channel()).isEqualTo(ReportChannel.EMAIL);
        assertThat(reported.team()).isEqualTo("payments");
        assertThat(reported.likelyIncident()).as("R-ACK-2 direct report: 5 minutes").isTrue();
        assertThat(reported.qualityFindings()).isEmpty();
        assertThat(reported.evidenceLinks()).containsExactly("https://logs.example.org/search?q=refund");
        assertThat(reported.toString()).doesNotContain("ana.reporter@example.org");
        assertThat(reported.reporterRef()).isNotNull();

        // Only the platform's services and the security role learn the address behind the reference.
        given().header("Authorization", Tokens.bearer("a-responder", "responder"))
                .get("/reporters/" + reported.reporterRef()).then().statusCode(403);
        given().header("Authorization", Tokens.bearer("notification-service", "service"))
                .get("/reporters/" + reported.reporterRef()).then().statusCode(200)
                .body("ref", equalTo(reported.reporterRef())).body("email", equalTo("ana.reporter@example.org"));
        given().get("/reporters/" + reported.reporterRef()).then().statusCode(401);
        given().header("Authorization", Tokens.bearer("notification-service", "service"))
                .get("/reporters/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("notification-service", "service"))
                .get("/reporters/not-a-ref").then().statusCode(404);
    }

    @Test
    @DisplayName("R-REP-2 R-ACK-4 R-REP-4 a vague mail to the generic address to many people goes to SI with findings")
    void genericAddress() throws Exception {
        String subject = "URGENT help " + UUID.randomUUID().toString().substring(0, 4);
        MimeMessage m = message("incident-report@" + DOMAIN + ", a@example.org, b@example.org, c@example.org, "
                + "d@example.org, e@example.org", subject, "nothing works");
        m.setRecipients(Message.RecipientType.TO, "incident-report@" + DOMAIN);
        m.setRecipients(Message.RecipientType.CC, "a@example.org, b@example.org, c@example.org, d@example.org, "
                + "e@example.org");
        // Sent to the intake address only over SMTP; the Cc header still tells how many people got it.
        m.saveChanges();
        Transport.send(m, new InternetAddress[]{new InternetAddress("incident-report@" + DOMAIN)});
        IncidentReported reported = reportedWithTitle(subject);
        assertThat(reported.team()).isEqualTo("si");
        assertThat(reported.siteWide()).isTrue();
        assertThat(reported.qualityFindings()).extracting(f -> f.substring(0, f.indexOf(':')))
                .contains("no-evidence", "no-start-time", "many-recipients");
    }

    @Test
    @DisplayName("R-REP-5 a reply (In-Reply-To) attaches to the open incident; so does a mail to the same +key")
    void threading() throws Exception {
        String subject = "Checkout returns 502 " + UUID.randomUUID();
        String first = send(message("payments-incident-report+checkout@" + DOMAIN, subject, "since 09:30"));
        UUID incident = reportedWithTitle(subject).incidentId();

        MimeMessage reply = message("payments-incident-report@" + DOMAIN, "Re: " + subject,
                "still failing, see https://logs.example.org/search?q=checkout+502");
        reply.setHeader("In-Reply-To", first);
        reply.setHeader("References", first);
        send(reply);
        MimeMessage sameKey = message("payments-incident-report+checkout@" + DOMAIN, "Card payments down too",
                "since 09:35");
        send(sameKey);
        List<IncidentEvent> attached = IntakeApi.reportEvents(kafka,
                e -> e instanceof ReportAttached a && a.incidentId().equals(incident), 2);
        assertThat(attached).hasSize(2).allSatisfy(e -> assertThat(((ReportAttached) e).reporterRef()).isNotNull());
        assertThat(attached).extracting(e -> ((ReportAttached) e).links()).as("a reply's links are evidence too")
                .contains(List.of("https://logs.example.org/search?q=checkout+502"));
    }

    @Test
    @DisplayName("per-team mode: PER_SUBJECT attaches a new mail with the same subject; PER_MAIL opens a new incident")
    void modes() throws Exception {
        String subject = "Disk full on db-3 " + UUID.randomUUID();
        send(message("storage-incident-report@" + DOMAIN, subject, "since 10:00"));
        UUID incident = reportedWithTitle(subject).incidentId();
        send(message("storage-incident-report@" + DOMAIN, "FW: " + subject, "also seen by me"));
        assertThat(IntakeApi.reportEvents(kafka, e -> e instanceof ReportAttached a
                && a.incidentId().equals(incident), 1)).hasSize(1);

        String perMail = "Invoices missing " + UUID.randomUUID();
        send(message("payments-incident-report@" + DOMAIN, perMail, "since 10:00"));
        send(message("payments-incident-report@" + DOMAIN, perMail, "since 10:00, again"));
        assertThat(IntakeApi.reportEvents(kafka, e -> e instanceof IncidentReported r && perMail.equals(r.title()),
                2)).extracting(IncidentEvent::incidentId).doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    @DisplayName("R-REP-6 a mailed report with a personal phone number is a security incident without the number")
    void pii() throws Exception {
        String subject = "Payroll shows wrong data " + UUID.randomUUID();
        send(message("payroll-incident-report@" + DOMAIN, subject, "Employee Jon Doe, DOB: 04/12/1985, "
                + "phone +1 555-201-3344 sees another person's payslip since 08:00"));
        IncidentReported reported = reportedWithTitle(subject);
        assertThat(reported.security()).isTrue();
        assertThat(reported.description()).doesNotContain("555-201-3344", "04/12/1985");
        assertThat(query("select kinds from pii_vault where report_id = ?", reported.reportId()).get(0).get(0))
                .isEqualTo("DATE_OF_BIRTH,PHONE_NUMBER");
    }

    @Test
    @DisplayName("attachments are stored as attachments; a too-large one is refused with 552 and its name")
    void attachments() throws Exception {
        String subject = "Export job crashes " + UUID.randomUUID();
        MimeMessage m = message("payments-incident-report@" + DOMAIN, subject, "");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Since 02:00 the export crashes, trace attached", "UTF-8");
        MimeBodyPart trace = new MimeBodyPart();
        trace.setContent("java.lang.IllegalStateException: boom", "text/plain");
        trace.setFileName("trace.txt");
        trace.setDisposition(MimeBodyPart.ATTACHMENT);
        m.setContent(new MimeMultipart(text, trace));
        send(m);
        IncidentReported reported = reportedWithTitle(subject);
        assertThat(reported.description()).contains("trace.txt (text/plain");
        List<List<Object>> stored = query("select file_name, content from mail_attachment where report_id = ?",
                reported.reportId());
        assertThat(stored).hasSize(1);
        assertThat(new String((byte[]) stored.get(0).get(1), StandardCharsets.UTF_8))
                .isEqualTo("java.lang.IllegalStateException: boom");

        String big = java.util.Base64.getMimeEncoder().encodeToString(new byte[70_000]);
        try (SmtpClient smtp = new SmtpClient(listener.port())) {
            assertThat(smtp.command("MAIL FROM:<ana.reporter@example.org>")).startsWith("250");
            assertThat(smtp.command("RCPT TO:<payments-incident-report@" + DOMAIN + ">")).startsWith("250");
            String reply = smtp.data("""
                    From: ana.reporter@example.org
                    Subject: heap dump
                    MIME-Version: 1.0
                    Content-Type: multipart/mixed; boundary="b"

                    --b
                    Content-Type: text/plain

                    dump attached
                    --b
                    Content-Type: application/octet-stream
                    Content-Disposition: attachment; filename="heap.hprof"
                    Content-Transfer-Encoding: base64

                    """ + big + "\n--b--\n");
            assertThat(reply).startsWith("552").contains("heap.hprof is larger than the 64 KB");
        }
    }

    @Test
    @DisplayName("R-REP-2 a raw UTF-8 Subject (SMTPUTF8, RFC 6532) is read as UTF-8, not Latin-1")
    void rawUtf8Subject() throws Exception {
        String subject = "Zahlungsausfall bei Überweisungen " + UUID.randomUUID();
        try (SmtpClient smtp = new SmtpClient(listener.port())) {
            assertThat(smtp.command("MAIL FROM:<ana.reporter@example.org> SMTPUTF8 BODY=8BITMIME")).startsWith("250");
            assertThat(smtp.command("RCPT TO:<payments-incident-report@" + DOMAIN + ">")).startsWith("250");
            assertThat(smtp.data("From: ana.reporter@example.org\nSubject: " + subject + "\nMIME-Version: 1.0\n"
                    + "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n"
                    + "Seit 09:30 schlagen Überweisungen fehl.\r\nAlle Banken.\n")).startsWith("250");
        }
        IncidentReported reported = reportedWithTitle(subject);
        assertThat(reported.description()).isEqualTo("Seit 09:30 schlagen Überweisungen fehl.\nAlle Banken.");
    }

    @Test
    @DisplayName("R-REP-2 one mail to two teams' addresses opens an incident for each; the reply names both")
    void twoTeams() throws Exception {
        String subject = "Checkout and its database are slow " + UUID.randomUUID();
        String messageId = "<" + UUID.randomUUID() + "@mail.example.org>";
        String mail = "From: ana.reporter@example.org\nTo: payments-incident-report@" + DOMAIN
                + ", database-incident-report@" + DOMAIN + "\nSubject: " + subject + "\nMessage-ID: " + messageId
                + "\n\nSince 10:00 checkout waits on the orders database.\n";
        String reply;
        try (SmtpClient smtp = new SmtpClient(listener.port())) {
            smtp.command("MAIL FROM:<ana.reporter@example.org>");
            smtp.command("RCPT TO:<payments-incident-report@" + DOMAIN + ">");
            smtp.command("RCPT TO:<Database-Incident-Report@" + DOMAIN + ">");
            reply = smtp.data(mail);
        }
        List<IncidentEvent> reported = IntakeApi.reportEvents(kafka,
                e -> e instanceof IncidentReported r && subject.equals(r.title()), 2);
        assertThat(reported).extracting(e -> ((IncidentReported) e).team())
                .containsExactlyInAnyOrder("payments", "database");
        for (IncidentEvent e : reported) {
            IncidentReported r = (IncidentReported) e;
            assertThat(reply).contains(r.team() + ": reported as incident " + r.incidentId());
        }
        assertThat(reported).extracting(IncidentEvent::incidentId).doesNotHaveDuplicates();

        // The same mail again (a sender's retry) is taken once per team; POST /mail reads both teams from To.
        given().contentType("message/rfc822").body(mail.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8))
                .post("/mail").then().statusCode(202).body("duplicate", equalTo(true))
                .body("teams.team", org.hamcrest.Matchers.contains("payments", "database"))
                .body("teams.duplicate", org.hamcrest.Matchers.contains(true, true));
        assertThat(query("select count(*) from report where title = ?", subject).get(0).get(0)).isEqualTo(2L);

        // A reply threads into each team's own incident.
        try (SmtpClient smtp = new SmtpClient(listener.port())) {
            smtp.command("MAIL FROM:<ana.reporter@example.org>");
            smtp.command("RCPT TO:<payments-incident-report@" + DOMAIN + ">");
            smtp.command("RCPT TO:<database-incident-report@" + DOMAIN + ">");
            reply = smtp.data("From: ana.reporter@example.org\nSubject: Re: " + subject + "\nIn-Reply-To: "
                    + messageId + "\n\nStill slow.\n");
        }
        for (IncidentEvent e : reported) {
            assertThat(reply).contains(((IncidentReported) e).team() + ": attached to incident " + e.incidentId());
        }
    }

    @Test
    @DisplayName("R-REP-2 mail that cannot be decoded is refused with 554 5.6.0 and the reason, not turned into noise")
    void undecodable() throws Exception {
        String to = "RCPT TO:<payments-incident-report@" + DOMAIN + ">";
        try (SmtpClient smtp = new SmtpClient(listener.port())) {
            smtp.command("MAIL FROM:<ana.reporter@example.org>");
            smtp.command(to);
            assertThat(smtp.data("""
                    From: ana.reporter@example.org
                    Subject: base64 gone wrong
                    Content-Type: text/plain; charset=UTF-8
                    Content-Transfer-Encoding: base64

                    Q2hlY2tvdXQ!!! not base64 at all ###
                    """)).startsWith("554 5.6.0").contains("not valid base64");

            byte[] noise = new byte[3072];
            new java.util.Random(42).nextBytes(noise);
            for (int i = 0; i < noise.length; i++) {
                noise[i] = noise[i] == '\r' || noise[i] == '\n' || noise[i] == '.' ? (byte) 'x' : noise[i];
                if (i % 76 == 75) {
                    noise[i - 1] = '\r';
                    noise[i] = '\n';
                }
            }
            smtp.command("MAIL FROM:<ana.reporter@example.org>");
            smtp.command(to);
            assertThat(smtp.dataBytes(noise)).startsWith("554 5.6.0").contains("no mail headers");

            smtp.command("MAIL FROM:<ana.reporter@example.org>");
            smtp.command(to);
            assertThat(smtp.data("""
                    From: ana.reporter@example.org
                    Subject: binary under a text label
                    Content-Type: text/plain; charset=UTF-8

                    \u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f\u0010\u0011\u0012
                    """)).startsWith("554 5.6.0").contains("binary data");
        }
        assertThat(query("select count(*) from report where title in ('base64 gone wrong', "
                + "'binary under a text label')").get(0).get(0)).isEqualTo(0L);
    }

    @Test
    @DisplayName("R-REP-2 an unknown charset label on readable text is no reason to lose the report")
    void unknownCharset() throws Exception {
        String subject = "Label says x-unknown " + UUID.randomUUID();
        try (SmtpClient smtp = new SmtpClient(listener.port())) {
            smtp.command("MAIL FROM:<ana.reporter@example.org>");
            smtp.command("RCPT TO:<payments-incident-report@" + DOMAIN + ">");
            assertThat(smtp.data("From: ana.reporter@example.org\nSubject: " + subject
                    + "\nContent-Type: text/plain; charset=x-unknown-label\n\nRefunds fail since 09:30.\n"))
                    .startsWith("250");
        }
        assertThat(reportedWithTitle(subject).description()).isEqualTo("Refunds fail since 09:30.");
    }

    @Test
    @DisplayName("R-REP-2 a declared SIZE over the limit is refused at MAIL FROM (RFC 1870), before any data is sent")
    void declaredSize() throws Exception {
        try (SmtpClient smtp = new SmtpClient(listener.port())) {
            assertThat(smtp.command("MAIL FROM:<ana.reporter@example.org> SIZE=" + (1L << 30))).startsWith("552");
            assertThat(smtp.command("MAIL FROM:<ana.reporter@example.org> SIZE=2048")).startsWith("250");
        }
    }

    @Test
    @DisplayName("R-REP-2 every other recipient is refused with 550 and a reason: never an open relay")
    void refusals() throws Exception {
        try (SmtpClient smtp = new SmtpClient(listener.port())) {
            assertThat(smtp.command("MAIL FROM:<someone@example.net>")).startsWith("250");
            assertThat(smtp.command("RCPT TO:<victim@elsewhere.example.net>")).startsWith("550")
                    .contains("relaying denied");
            assertThat(smtp.command("RCPT TO:<postmaster@" + DOMAIN + ">")).startsWith("550")
                    .contains("not an intake address");
            assertThat(smtp.command("DATA")).startsWith("503");
        }
    }

    @Test
    @DisplayName("POST /mail takes raw RFC 822 from a gateway; the same Message-ID twice is taken once")
    void postMail() {
        String subject = "Login page times out " + UUID.randomUUID();
        String raw = ("From: Ana <ana.reporter@example.org>\r\nTo: identity-incident-report@" + DOMAIN + "\r\n"
                + "Subject: " + subject + "\r\nMessage-ID: <" + UUID.randomUUID() + "@mail.example.org>\r\n"
                + "Content-Type: text/html; charset=UTF-8\r\n\r\n<p>Since 11:00, see "
                + "<a href=\"https://grafana.example.org/d/login\">dashboard</a></p>\r\n");
        given().contentType("message/rfc822").body(raw.getBytes(StandardCharsets.UTF_8)).post("/mail")
                .then().statusCode(202).body("opened", equalTo(true));
        IncidentReported reported = reportedWithTitle(subject);
        assertThat(reported.team()).isEqualTo("identity");
        assertThat(reported.description()).isEqualTo("Since 11:00, see dashboard (https://grafana.example.org/d/login)");
        given().contentType("message/rfc822").body(raw.getBytes(StandardCharsets.UTF_8)).post("/mail")
                .then().statusCode(202).body("duplicate", equalTo(true));
        assertThat(query("select count(*) from report where title = ?", subject).get(0).get(0)).isEqualTo(1L);

        given().contentType("message/rfc822").body("To: someone@example.net\r\nSubject: x\r\n\r\nhi".getBytes(
                StandardCharsets.UTF_8)).post("/mail").then().statusCode(422).contentType("application/problem+json");
        given().contentType("message/rfc822").body(new byte[0]).post("/mail").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
