package io.incident.notification.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML alternative of a plain-text message, made from the text itself so the two parts can never say different
 * things (templates are plain text an operator edits). Paragraphs stay paragraphs, "- " lines become a list, and
 * http(s) links become links a thumb can hit. Everything else is text: every character that means something in
 * HTML is escaped, in content and in attributes, so a title or a description cannot inject markup.
 */
public final class MailHtml {

    /** Only http and https: a "javascript:" or "data:" link in a report must not become clickable. */
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");

    private MailHtml() {
    }

    public static String of(String subject, String text) {
        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(subject)).append("</title></head>\n")
                .append("<body style=\"font-family: sans-serif; font-size: 16px; line-height: 1.4;\">\n")
                .append("<h1 style=\"font-size: 18px;\">").append(escape(subject)).append("</h1>\n");
        for (String paragraph : paragraphs(text)) {
            html.append(block(paragraph));
        }
        return html.append("</body></html>\n").toString();
    }

    /** Escapes text for HTML content and for quoted attribute values alike. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        for (String p : (text == null ? "" : text.replace("\r\n", "\n")).split("\n\\s*\n")) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    /** A paragraph, with its run of "- " lines (evidence, findings) as a list. */
    private static String block(String paragraph) {
        StringBuilder out = new StringBuilder();
        List<String> text = new ArrayList<>();
        List<String> items = new ArrayList<>();
        for (String line : paragraph.split("\n")) {
            if (line.startsWith("- ")) {
                flushText(out, text);
                items.add(line.substring(2));
            } else {
                flushItems(out, items);
                text.add(line);
            }
        }
        flushText(out, text);
        flushItems(out, items);
        return out.toString();
    }

    private static void flushText(StringBuilder out, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.append("<p>");
        for (int i = 0; i < lines.size(); i++) {
            out.append(i == 0 ? "" : "<br>\n").append(linked(lines.get(i)));
        }
        out.append("</p>\n");
        lines.clear();
    }

    private static void flushItems(StringBuilder out, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        out.append("<ul>\n");
        for (String item : items) {
            out.append("<li>").append(linked(item)).append("</li>\n");
        }
        out.append("</ul>\n");
        items.clear();
    }

    /** The line escaped, with each link as an anchor whose address and text are the same escaped URL. */
    static String linked(String line) {
        StringBuilder out = new StringBuilder();
        Matcher m = URL.matcher(line);
        int at = 0;
        while (m.find()) {
            String url = trimTrailing(m.group());
            out.append(escape(line.substring(at, m.start())));
            out.append("<a href=\"").append(escape(url)).append("\">").append(escape(url)).append("</a>");
            at = m.start() + url.length();
        }
        return out.append(escape(line.substring(at))).toString();
    }

    /**
     * Punctuation that ends a sentence is not part of the link before it; a closing bracket is, if the link opened
     * it (a PromQL expression such as {@code rate(x[5m])} in a Prometheus graph link).
     */
    private static String trimTrailing(String url) {
        String u = url;
        while (!u.isEmpty()) {
            char last = u.charAt(u.length() - 1);
            if (".,;:!?".indexOf(last) >= 0
                    || last == ')' && count(u, '(') < count(u, ')')
                    || last == ']' && count(u, '[') < count(u, ']')) {
                u = u.substring(0, u.length() - 1);
            } else {
                break;
            }
        }
        return u;
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }
}
