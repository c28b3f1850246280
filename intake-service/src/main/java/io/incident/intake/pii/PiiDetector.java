package io.incident.intake.pii;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in a report's text and removes it (R-REP-6). Pattern-based, so it errs on the side of
 * finding: a phone-like number that was not a phone number costs a needless security flag, a missed SSN costs a
 * leak onto the event stream. Pure: no I/O, no state beyond the personal mail domains it is given.
 */
public final class PiiDetector {

    /** Free-mail providers: an address there belongs to a person, not to a company or a system. */
    public static final Set<String> DEFAULT_PERSONAL_MAIL_DOMAINS = Set.of("gmail.com", "googlemail.com",
            "yahoo.com", "ymail.com", "hotmail.com", "outlook.com", "live.com", "msn.com", "icloud.com", "me.com",
            "mac.com", "aol.com", "proton.me", "protonmail.com", "gmx.com", "gmx.net", "gmx.de", "web.de",
            "mail.com", "yandex.com", "zoho.com", "fastmail.com");

    // US SSN: 3-2-4 digits, without the number ranges the SSA never issues (000, 666, 9xx areas are not SSNs;
    // 9xx-xx-xxxx is an ITIN, a TIN).
    private static final Pattern SSN = Pattern.compile(
            "(?<![\\w-])(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}(?![\\w-])"
                    + "|(?i:\\bSSN\\b|social security(?: number)?)\\s*(?:no\\.?|number|#)?\\s*[:=]?\\s*\\d{9}\\b");
    private static final Pattern TIN = Pattern.compile(
            "(?<![\\w-])9\\d{2}-\\d{2}-\\d{4}(?![\\w-])|(?<![\\w-])\\d{2}-\\d{7}(?![\\w-])"
                    + "|(?i:\\b(?:TIN|EIN|ITIN|tax (?:id|identification number))\\b)\\s*[:#]?\\s*\\d[\\d-]{7,10}\\d");
    private static final String DATE = "(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}"
            + "|\\d{1,2}\\.? [A-Z][a-z]{2,8}\\.? \\d{4}|[A-Z][a-z]{2,8}\\.? \\d{1,2},? \\d{4})";
    // A date is a date of birth when it is said to be one; a bare date in a report is when something happened.
    private static final Pattern DATE_OF_BIRTH = Pattern.compile(
            "(?i:\\b(?:DOB|D\\.O\\.B\\.?|date of birth|birth ?date|born(?: on)?)\\b)\\s*[:=-]?\\s*(" + DATE + ")");
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)");
    // +1 555-201-3344, (555) 201-3344, +44 20 7946 0958, 555 201 3344. Dots are not separators here, so IP
    // addresses and version numbers are not taken for phone numbers.
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\w.+-])(?:\\+\\d{1,3}[ -]?)?(?:\\(\\d{2,4}\\)[ -]?|\\d{2,4}[ -])\\d{3,4}[ -]\\d{4}(?![\\w-])"
                    + "|(?<![\\w.])\\+\\d{10,14}(?![\\w-])");

    private final Set<String> personalMailDomains;

    public PiiDetector(Set<String> personalMailDomains) {
        this.personalMailDomains = Set.copyOf(personalMailDomains.stream()
                .map(d -> d.toLowerCase(Locale.ROOT)).toList());
    }

    public PiiDetector() {
        this(DEFAULT_PERSONAL_MAIL_DOMAINS);
    }

    /** What was found, and the text with each finding replaced by {@code [redacted <kind>]}. */
    public record Scan(Set<PiiKind> kinds, String redacted) {
        public boolean found() {
            return !kinds.isEmpty();
        }
    }

    public Scan scan(String text) {
        if (text == null || text.isEmpty()) {
            return new Scan(Set.of(), text);
        }
        Set<PiiKind> kinds = EnumSet.noneOf(PiiKind.class);
        String out = replace(SSN, text, PiiKind.SSN, kinds, 0);
        out = replace(TIN, out, PiiKind.TIN, kinds, 0);
        out = replace(DATE_OF_BIRTH, out, PiiKind.DATE_OF_BIRTH, kinds, 1);
        out = personalEmails(out, kinds);
        out = replace(PHONE, out, PiiKind.PHONE_NUMBER, kinds, 0);
        return new Scan(Set.copyOf(kinds), out);
    }

    /** Redacts the whole match, or only {@code group} of it (a date of birth keeps its "DOB:" label). */
    private static String replace(Pattern pattern, String text, PiiKind kind, Set<PiiKind> kinds, int group) {
        Matcher m = pattern.matcher(text);
        StringBuilder sb = new StringBuilder();
        int last = 0;
        while (m.find()) {
            kinds.add(kind);
            sb.append(text, last, m.start(group)).append(label(kind));
            last = m.end(group);
        }
        return last == 0 ? text : sb.append(text, last, text.length()).toString();
    }

    private String personalEmails(String text, Set<PiiKind> kinds) {
        Matcher m = EMAIL.matcher(text);
        StringBuilder sb = new StringBuilder();
        int last = 0;
        while (m.find()) {
            if (personalMailDomains.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                kinds.add(PiiKind.PERSONAL_EMAIL);
                sb.append(text, last, m.start()).append(label(PiiKind.PERSONAL_EMAIL));
                last = m.end();
            }
        }
        return last == 0 ? text : sb.append(text, last, text.length()).toString();
    }

    private static String label(PiiKind kind) {
        return "[redacted " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + "]";
    }

    public static List<String> names(Set<PiiKind> kinds) {
        List<String> names = new ArrayList<>();
        kinds.stream().sorted().forEach(k -> names.add(k.name()));
        return names;
    }
}
