package io.incident.notification.routing;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a recipient may read. Only the restricted security audience, by e-mail, sees a security incident's title
 * or anything that looks like personal data; everyone else, and every shared channel (chat rooms, webhooks,
 * tickets), gets the incident by id with e-mail addresses and phone numbers blanked.
 */
public final class Disclosure {

    public static final String RESTRICTED_TITLE = "Security incident (details restricted)";
    public static final String REDACTED = "[redacted]";
    public static final String RESTRICTED_DETAILS = "(details restricted: see the incident page)";

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    /** International numbers (+49 30 1234567) and bracketed area codes ((030) 1234567); never ids or times. */
    private static final Pattern PHONE = Pattern.compile("(\\+\\d[\\d ()./-]{6,}\\d)|(\\(\\d{2,5}\\)\\s?\\d[\\d ./-]{4,}\\d)");

    private Disclosure() {
    }

    public static String title(String title, boolean security, boolean restrictedRecipient) {
        return security && !restrictedRecipient ? RESTRICTED_TITLE : title;
    }

    /**
     * A security incident's description says what the title would have: outside the restricted audience it is
     * withheld, and the reader is sent to the incident page, where access is checked.
     */
    public static String details(String text, boolean security, boolean restrictedRecipient) {
        return security && !restrictedRecipient ? RESTRICTED_DETAILS : text;
    }

    /**
     * Evidence links of a security incident are withheld like its description (a log search can name the data
     * at stake). Other links pass unchanged: intake removed personal data from them before they travelled, and the
     * phone-number pattern would mangle query strings full of digits.
     */
    public static List<String> links(List<String> links, boolean security, boolean restrictedRecipient) {
        return security && !restrictedRecipient ? List.of() : links;
    }

    public static String redact(String text, boolean restrictedRecipient) {
        if (restrictedRecipient || text == null) {
            return text;
        }
        return PHONE.matcher(EMAIL.matcher(text).replaceAll(REDACTED)).replaceAll(REDACTED);
    }
}
