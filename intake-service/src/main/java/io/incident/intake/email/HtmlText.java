package io.incident.intake.email;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an HTML-only mail body into readable text: block elements become line breaks, links keep their address
 * (they are often the evidence, R-REP-4), scripts and styles go, entities are decoded. Not a browser; enough for
 * mail clients' HTML. Pure.
 */
public final class HtmlText {

    private static final Pattern DROP = Pattern.compile("(?is)<(script|style|head|title)\\b.*?</\\1\\s*>");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern LINK = Pattern.compile("(?is)<a\\b[^>]*?href\\s*=\\s*[\"']([^\"']*)[\"'][^>]*>(.*?)</a\\s*>");
    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</?(p|div|tr|h[1-6]|ul|ol|table|blockquote)\\b[^>]*>");
    private static final Pattern ITEM = Pattern.compile("(?i)<li\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]{1,6}|#\\d{1,7}|[a-zA-Z]{2,8});");

    private HtmlText() {
    }

    public static String toText(String html) {
        if (html == null) {
            return "";
        }
        String s = COMMENT.matcher(html).replaceAll("");
        s = DROP.matcher(s).replaceAll("");
        s = replaceLinks(s);
        s = BREAK.matcher(s).replaceAll("\n");
        s = ITEM.matcher(s).replaceAll("\n- ");
        s = TAG.matcher(s).replaceAll("");
        s = decode(s);
        s = s.replace('\u00a0', ' ').replaceAll("[ \\t]+", " ").replaceAll(" *\\n *", "\n")
                .replaceAll("\\n{3,}", "\n\n");
        return s.strip();
    }

    private static String replaceLinks(String s) {
        Matcher m = LINK.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String href = m.group(1).strip();
            String text = TAG.matcher(m.group(2)).replaceAll("").strip();
            String out = text.isEmpty() || text.equals(href) || !href.startsWith("http") ? (text.isEmpty() ? href
                    : text) : text + " (" + href + ")";
            m.appendReplacement(sb, Matcher.quoteReplacement(out));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String decode(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String out;
            if (e.startsWith("#x") || e.startsWith("#X")) {
                out = codePoint(Integer.parseInt(e.substring(2), 16), m.group());
            } else if (e.startsWith("#")) {
                out = codePoint(Integer.parseInt(e.substring(1)), m.group());
            } else {
                out = switch (e) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    case "nbsp" -> " ";
                    default -> m.group();
                };
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(out));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String codePoint(int cp, String original) {
        return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : original;
    }
}
