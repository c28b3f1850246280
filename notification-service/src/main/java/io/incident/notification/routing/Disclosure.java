package io.incident.notification.routing;

import java.util.regex.Pattern;

/**
 * What a recipient may read. Only the restricted security audience, by e-mail, sees a security incident's title
 * or anything that looks like personal data; everyone else, and every shared channel (chat rooms, webhooks,
 * tickets), gets the incident by id with e-mail addresses and phone numbers blanked.
 */
public final class Disclosure {

    public static final String RESTRICTED_TITLE = "Security incident (details restricted)";
    public static final String REDACTED = "[redacted]";

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    /** International numbers (+49 30 1234567) and bracketed area codes ((030) 1234567); never ids or times. */
    private static final Pattern PHONE = Pattern.compile("(\\+\\d[\\d ()./-]{6,}\\d)|(\\(\\d{2,5}\\)\\s?\\d[\\d ./-]{4,}\\d)");

    private Disclosure() {
    }

    public static String title(String title, boolean security, boolean restrictedRecipient) {
        return security && !restrictedRecipient ? RESTRICTED_TITLE : title;
    }

    public static String redact(String text, boolean restrictedRecipient) {
        if (restrictedRecipient || text == null) {
            return text;
        }
        return PHONE.matcher(EMAIL.matcher(text).replaceAll(REDACTED)).replaceAll(REDACTED);
    }
}
