package io.incident.intake.email;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a raw RFC 822 message with Jakarta Mail: the text body (plain text preferred, HTML turned into text),
 * encoded-word subjects, attachments as attachments, and the ids a reply refers to. Pure apart from parsing the
 * bytes it is given.
 */
public final class MailParser {

    /** A part larger than this is refused, with its name, rather than silently dropped. */
    public record Limits(int maxAttachmentBytes, int maxAttachments) {
    }

    /** Why a mail cannot be taken; the SMTP reply and the problem JSON both say it. */
    public static final class Unreadable extends Exception {
        private final boolean tooLarge;

        Unreadable(String reason, boolean tooLarge) {
            super(reason);
            this.tooLarge = tooLarge;
        }

        public boolean tooLarge() {
            return tooLarge;
        }
    }

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final int MAX_TEXT = 65_536;

    private MailParser() {
    }

    public static ParsedMail parse(byte[] raw, Limits limits) throws Unreadable {
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            List<String> threadIds = new ArrayList<>();
            threadIds.addAll(ids(message.getHeader("In-Reply-To", " ")));
            List<String> references = ids(message.getHeader("References", " "));
            for (int i = references.size() - 1; i >= 0; i--) {
                threadIds.add(references.get(i));
            }
            Body body = new Body();
            walk(message, body, limits);
            String text = body.plain != null ? body.plain : body.html != null ? HtmlText.toText(body.html) : "";
            if (text.length() > MAX_TEXT) {
                text = text.substring(0, MAX_TEXT) + "\n… (cut at " + MAX_TEXT + " characters)";
            }
            List<String> addressees = new ArrayList<>();
            addresses(message.getRecipients(MimeMessage.RecipientType.TO), addressees);
            addresses(message.getRecipients(MimeMessage.RecipientType.CC), addressees);
            return new ParsedMail(first(ids(message.getHeader("Message-ID", " "))),
                    List.copyOf(new LinkedHashSet<>(threadIds)), from(message), subject(message), text.strip(),
                    List.copyOf(body.attachments), addressees.size(), List.copyOf(addressees));
        } catch (MessagingException | IOException e) {
            throw new Unreadable("the message is not readable MIME (" + e.getMessage() + ")", false);
        }
    }

    private static final class Body {
        String plain;
        String html;
        final List<ParsedMail.Attachment> attachments = new ArrayList<>();
    }

    private static void walk(Part part, Body body, Limits limits) throws MessagingException, IOException, Unreadable {
        String fileName = fileName(part);
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
        if (part.isMimeType("multipart/*") && !attachment) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, body, limits);
            }
        } else if (!attachment && part.isMimeType("text/plain") && body.plain == null) {
            body.plain = text(part);
        } else if (!attachment && part.isMimeType("text/html") && body.html == null) {
            body.html = text(part);
        } else if (attachment || !part.isMimeType("text/*")) {
            byte[] content = read(part.getInputStream(), limits.maxAttachmentBytes(),
                    fileName == null ? "an attachment" : fileName);
            if (body.attachments.size() >= limits.maxAttachments()) {
                throw new Unreadable("the message has more than " + limits.maxAttachments() + " attachments", true);
            }
            String type = part.getContentType() == null ? "application/octet-stream"
                    : part.getContentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
            body.attachments.add(new ParsedMail.Attachment(fileName == null ? "attachment" : fileName, type,
                    content));
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        return content instanceof String s ? s : new String(read0(part.getInputStream()),
                StandardCharsets.UTF_8);
    }

    private static byte[] read(InputStream in, int max, String name) throws IOException, Unreadable {
        byte[] content = in.readNBytes(max + 1);
        if (content.length > max) {
            throw new Unreadable(name + " is larger than the " + (max / 1024) + " KB intake accepts per attachment;"
                    + " link to the file instead (a log search, a dashboard, a shared drive)", true);
        }
        return content;
    }

    private static byte[] read0(InputStream in) throws IOException {
        return in.readNBytes(MAX_TEXT * 4);
    }

    private static String fileName(Part part) throws MessagingException {
        String name = part.getFileName();
        if (name == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(name);
        } catch (UnsupportedEncodingException e) {
            return name;
        }
    }

    private static String subject(MimeMessage message) throws MessagingException {
        String subject = message.getSubject();
        return subject == null ? "" : subject.replaceAll("\\s+", " ").strip();
    }

    private static String from(MimeMessage message) throws MessagingException {
        Address[] from = message.getFrom();
        if (from == null || from.length == 0) {
            return null;
        }
        return from[0] instanceof InternetAddress ia ? ia.getAddress() : from[0].toString();
    }

    private static void addresses(Address[] addresses, List<String> out) {
        if (addresses != null) {
            for (Address a : addresses) {
                out.add(a instanceof InternetAddress ia ? ia.getAddress() : a.toString());
            }
        }
    }

    private static List<String> ids(String header) {
        List<String> ids = new ArrayList<>();
        if (header != null) {
            Matcher m = MESSAGE_ID.matcher(header);
            while (m.find()) {
                ids.add(m.group());
            }
        }
        return ids;
    }

    private static String first(List<String> ids) {
        return ids.isEmpty() ? null : ids.get(0);
    }

    /**
     * Where a gateway delivered a mail, from its headers, for {@code POST /mail}: the envelope recipient the gateway
     * recorded (Delivered-To, X-Original-To), then To and Cc.
     */
    public static List<String> headerRecipients(byte[] raw) throws Unreadable {
        try {
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(raw));
            List<String> out = new ArrayList<>();
            for (String name : List.of("Delivered-To", "X-Original-To", "To", "Cc")) {
                String[] values = headers.getHeader(name);
                if (values != null) {
                    for (String value : values) {
                        for (InternetAddress a : InternetAddress.parseHeader(value, false)) {
                            out.add(a.getAddress());
                        }
                    }
                }
            }
            return out;
        } catch (MessagingException e) {
            throw new Unreadable("the message headers are not readable (" + e.getMessage() + ")", false);
        }
    }

    /** Normalised subject for PER_SUBJECT threading: without Re:/Fwd: prefixes, case and spacing. */
    public static String subjectKey(String subject) {
        String s = subject == null ? "" : subject.strip();
        String previous;
        do {
            previous = s;
            s = s.replaceFirst("(?i)^(re|fw|fwd|aw|sv|wg)\\s*(\\[\\d+])?\\s*:\\s*", "").strip();
        } while (!s.equals(previous));
        return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
