package io.incident.notification.template;

/** A template's source: a one-line subject and a body, both Qute. */
public record TemplateText(String name, String subject, String body, boolean customised) {

    static final String SEPARATOR = "\n---\n";

    /** Reads a default file: the subject line, a line of three dashes, then the body. */
    static TemplateText parseDefault(String name, String file) {
        String text = file.replace("\r\n", "\n");
        int split = text.indexOf(SEPARATOR);
        if (split < 0) {
            throw new IllegalStateException("Template " + name + " has no '---' line between subject and body");
        }
        return new TemplateText(name, text.substring(0, split).trim(), stripFinalNewline(text.substring(split + SEPARATOR.length())), false);
    }

    private static String stripFinalNewline(String s) {
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
