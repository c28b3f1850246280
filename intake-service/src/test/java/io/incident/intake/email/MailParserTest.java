package io.incident.intake.email;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailParserTest {

    private static final MailParser.Limits LIMITS = new MailParser.Limits(1024, 5);

    private static ParsedMail parse(String raw) throws MailParser.Unreadable {
        return MailParser.parse(raw.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII), LIMITS);
    }

    @Test
    @DisplayName("multipart/alternative: the plain part is the text; an encoded-word subject is decoded")
    void multipartAlternative() throws Exception {
        ParsedMail mail = parse("""
                From: Ana Example <ana@example.org>
                To: payments-incident-report@incidents.example.org, ops@example.org
                Cc: lead@example.org
                Subject: =?UTF-8?B?Q2hlY2tvdXQgcmV0dXJucyA1MDIg4oCTIGNhcmRz?=
                Message-ID: <m1@mail.example.org>
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary="b1"

                --b1
                Content-Type: text/plain; charset=UTF-8

                Since 09:30 every card payment fails.
                --b1
                Content-Type: text/html; charset=UTF-8

                <p>Since 09:30 <b>every</b> card payment fails.</p>
                --b1--
                """);
        assertThat(mail.subject()).isEqualTo("Checkout returns 502 – cards");
        assertThat(mail.text()).isEqualTo("Since 09:30 every card payment fails.");
        assertThat(mail.from()).isEqualTo("ana@example.org");
        assertThat(mail.messageId()).isEqualTo("<m1@mail.example.org>");
        assertThat(mail.recipients()).isEqualTo(3);
        assertThat(mail.isReply()).isFalse();
    }

    @Test
    @DisplayName("an HTML-only body is turned into text; attachments are kept as attachments; reply ids are read")
    void htmlAndAttachment() throws Exception {
        ParsedMail mail = parse("""
                From: ana@example.org
                To: payments-incident-report@incidents.example.org
                Subject: Re: Checkout returns 502
                In-Reply-To: <m1@mail.example.org>
                References: <m0@mail.example.org> <m1@mail.example.org>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b2"

                --b2
                Content-Type: text/html; charset=UTF-8

                <div>Still failing, see <a href="https://logs.example.org/q">logs</a></div>
                --b2
                Content-Type: text/plain; name="error.log"
                Content-Disposition: attachment; filename="=?UTF-8?Q?err=C3=B6r.log?="
                Content-Transfer-Encoding: base64

                RVJST1IgNTAyIGJhZCBnYXRld2F5
                --b2--
                """);
        assertThat(mail.text()).isEqualTo("Still failing, see logs (https://logs.example.org/q)");
        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("errör.log");
            assertThat(a.contentType()).isEqualTo("text/plain");
            assertThat(new String(a.content(), StandardCharsets.UTF_8)).isEqualTo("ERROR 502 bad gateway");
        });
        assertThat(mail.threadIds()).containsExactly("<m1@mail.example.org>", "<m0@mail.example.org>");
    }

    @Test
    @DisplayName("an attachment over the limit is refused by name, as too large")
    void attachmentTooLarge() {
        String big = java.util.Base64.getMimeEncoder().encodeToString(new byte[2048]);
        assertThatThrownBy(() -> parse("""
                From: ana@example.org
                Subject: dump
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b3"

                --b3
                Content-Type: text/plain

                see dump
                --b3
                Content-Type: application/octet-stream
                Content-Disposition: attachment; filename="heap.bin"
                Content-Transfer-Encoding: base64

                """ + big + "\n--b3--\n"))
                .isInstanceOf(MailParser.Unreadable.class)
                .hasMessageContaining("heap.bin is larger than the 1 KB")
                .matches(e -> ((MailParser.Unreadable) e).tooLarge());
    }

    @Test
    void headerRecipients() throws Exception {
        assertThat(MailParser.headerRecipients(("Delivered-To: payments-incident-report@incidents.example.org\r\n"
                + "To: Ana <ana@example.org>\r\n\r\nbody").getBytes(StandardCharsets.US_ASCII)))
                .as("the envelope the gateway recorded, not the other addressees")
                .containsExactly("payments-incident-report@incidents.example.org");
        assertThat(MailParser.headerRecipients(("To: Ana <ana@example.org>, payments-incident-report@x.example.org\r\n"
                + "Cc: db-incident-report@x.example.org\r\n\r\nbody").getBytes(StandardCharsets.US_ASCII)))
                .containsExactly("ana@example.org", "payments-incident-report@x.example.org",
                        "db-incident-report@x.example.org");
    }

    @Test
    @DisplayName("a charset label is a hint: 7-bit text is ASCII under any label; a wrong label falls back to UTF-8")
    void charsets() {
        byte[] utf8 = "Überweisung".getBytes(StandardCharsets.UTF_8);
        assertThat(MailParser.decode("plain".getBytes(StandardCharsets.US_ASCII), "x-no-such-charset"))
                .isEqualTo("plain");
        assertThat(MailParser.decode(utf8, "x-no-such-charset")).isEqualTo("Überweisung");
        assertThat(MailParser.decode(utf8, "us-ascii")).as("8-bit bytes under an ASCII label").isEqualTo("Überweisung");
        assertThat(MailParser.decode("Überweisung".getBytes(StandardCharsets.ISO_8859_1), "iso-8859-1"))
                .isEqualTo("Überweisung");
        assertThat(MailParser.decode("Überweisung".getBytes(StandardCharsets.ISO_8859_1), null))
                .as("not UTF-8 and no label: Windows-1252").isEqualTo("Überweisung");
    }

    @Test
    @DisplayName("line ends become \\n; quoted-printable and RFC 2231 file names decode; a long text is cut visibly")
    void lineEndsAndCut() throws Exception {
        ParsedMail mail = parse("""
                From: ana@example.org
                Subject: =?ISO-8859-1?Q?Zahlungsausfall_bei_=DCberweisungen?=
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b4"

                --b4
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: quoted-printable

                Seit 09:30 schlagen =C3=9Cberweisungen fehl.
                Alle Banken.
                --b4
                Content-Type: application/octet-stream
                Content-Disposition: attachment; filename*=UTF-8''%C3%BCbersicht.csv

                a,b
                --b4--
                """);
        assertThat(mail.subject()).isEqualTo("Zahlungsausfall bei Überweisungen");
        assertThat(mail.text()).isEqualTo("Seit 09:30 schlagen Überweisungen fehl.\nAlle Banken.");
        assertThat(mail.attachments()).extracting(ParsedMail.Attachment::fileName).containsExactly("übersicht.csv");

        ParsedMail longMail = parse("From: ana@example.org\nSubject: long\n\n" + "x".repeat(70_000) + "\n");
        assertThat(longMail.text()).hasSizeLessThan(66_000).endsWith("(cut at 65536 characters)");
    }

    @Test
    @DisplayName("bytes without a single mail header are not a mail")
    void noHeaders() {
        assertThatThrownBy(() -> parse("just some words\nand more words\n"))
                .isInstanceOf(MailParser.Unreadable.class).hasMessageContaining("no mail headers");
    }
}
