package io.incident.intake.email;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
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

    /**
     * {@code mail.mime.allowutf8}: the listener advertises SMTPUTF8 and 8BITMIME, so mail servers send raw UTF-8 in
     * headers (RFC 6532); without it Jakarta Mail reads those bytes as Latin-1.
     */
    private static final Session SESSION = Session.getInstance(properties("mail.mime.allowutf8", "true"));
    /** Headers at least one of which every mail has; bytes with none of them are not a mail. */
    private static final List<String> MAIL_HEADERS = List.of("From", "Sender", "To", "Cc", "Subject", "Date",
            "Message-ID", "MIME-Version", "Content-Type");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]*={0,2}");
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final int MAX_TEXT = 65_536;

    private MailParser() {
    }

    public static ParsedMail parse(byte[] raw, Limits limits) throws Unreadable {
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            if (MAIL_HEADERS.stream().noneMatch(name -> header(message, name) != null)) {
                throw new Unreadable("the message has no mail headers (none of " + String.join(", ", MAIL_HEADERS)
                        + "): it is not an e-mail", false);
            }
            List<String> threadIds = new ArrayList<>();
            threadIds.addAll(ids(message.getHeader("In-Reply-To", " ")));
            List<String> references = ids(message.getHeader("References", " "));
            for (int i = references.size() - 1; i >= 0; i--) {
                threadIds.add(references.get(i));
            }
            Body body = new Body();
            walk(message, body, limits);
            String text = body.plain != null ? body.plain : body.html != null ? HtmlText.toText(body.html) : "";
            text = text.replace("\r\n", "\n").replace('\r', '\n');
            if (!readable(text)) {
                throw new Unreadable("the message text is binary data, not readable text", false);
            }
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

    private static Properties properties(String key, String value) {
        Properties p = new Properties();
        p.setProperty(key, value);
        return p;
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, ",");
        } catch (MessagingException e) {
            return null;
        }
    }

    /**
     * Text a person wrote: control characters other than tab and line ends, and characters no charset could
     * decode, are rare. Random bytes under a text label are mostly these.
     */
    static boolean readable(String text) {
        if (text.isEmpty()) {
            return true;
        }
        long noise = text.chars().filter(c -> c == '\uFFFD' || (c < 0x20 && c != '\t' && c != '\n' && c != '\f')
                || (c >= 0x7F && c < 0xA0)).count();
        return noise * 20 < text.length();
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

    /**
     * The part's text. Jakarta Mail undoes the transfer encoding, but its base64 decoder skips what is not base64,
     * so noise would become the description: the encoded form is checked first. The charset label is a hint:
     * 7-bit text is ASCII whatever it is labelled, and an unknown or wrong label falls back to UTF-8, then
     * Windows-1252, so readable text is never refused for its label.
     */
    private static String text(Part part) throws MessagingException, IOException, Unreadable {
        checkEncoding(part);
        byte[] bytes;
        try {
            bytes = read0(part.getInputStream());
        } catch (IOException e) {
            throw new Unreadable("a text part cannot be decoded (" + e.getMessage() + ")", false);
        }
        return decode(bytes, charset(part));
    }

    private static void checkEncoding(Part part) throws MessagingException, IOException, Unreadable {
        String encoding = part instanceof MimePart mime ? mime.getEncoding() : null;
        if (encoding == null) {
            return;
        }
        switch (encoding.strip().toLowerCase(Locale.ROOT)) {
            case "7bit", "8bit", "binary", "quoted-printable" -> {
            }
            case "base64" -> {
                InputStream raw = part instanceof MimeBodyPart b ? b.getRawInputStream()
                        : ((MimeMessage) part).getRawInputStream();
                String encoded = new String(read0(raw), StandardCharsets.ISO_8859_1).replaceAll("\\s+", "");
                if (encoded.length() % 4 != 0 || !BASE64.matcher(encoded).matches()) {
                    throw new Unreadable("a text part is declared base64 but is not valid base64", false);
                }
            }
            default -> throw new Unreadable("a text part has the unknown transfer encoding \"" + encoding + "\"",
                    false);
        }
    }

    private static String charset(Part part) throws MessagingException {
        try {
            String type = part.getContentType();
            return type == null ? null : new ContentType(type).getParameter("charset");
        } catch (ParseException e) {
            return null;
        }
    }

    static String decode(byte[] bytes, String label) {
        boolean ascii = true;
        for (byte b : bytes) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        List<Charset> tries = new ArrayList<>();
        if (label != null) {
            // Java's own name first: Jakarta Mail's table maps us-ascii to ISO-8859-1, which would accept any byte.
            for (String name : List.of(label.strip(), MimeUtility.javaCharset(label.strip()))) {
                try {
                    tries.add(Charset.forName(name));
                    break;
                } catch (IllegalArgumentException unknown) {
                    // Unknown or unsupported label: the next name, then the fallbacks below.
                }
            }
        }
        tries.add(StandardCharsets.UTF_8);
        for (Charset charset : tries) {
            try {
                return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException wrongLabel) {
                // Try the next.
            }
        }
        return new String(bytes, Charset.forName("windows-1252"));
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
     * Where a gateway delivered a mail, from its headers, for {@code POST /mail}: the envelope recipients the
     * gateway recorded (Delivered-To, X-Original-To), or else To and Cc. A gateway that records the envelope
     * delivers a mail to two addresses as two copies, one per address, so To and Cc then say nothing more.
     */
    public static List<String> headerRecipients(byte[] raw) throws Unreadable {
        try {
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(raw), true);
            List<String> envelope = addresses(headers, List.of("Delivered-To", "X-Original-To"));
            return envelope.isEmpty() ? addresses(headers, List.of("To", "Cc")) : envelope;
        } catch (MessagingException e) {
            throw new Unreadable("the message headers are not readable (" + e.getMessage() + ")", false);
        }
    }

    private static List<String> addresses(InternetHeaders headers, List<String> names) throws MessagingException {
        List<String> out = new ArrayList<>();
        for (String name : names) {
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
