package io.incident.intake.webhook;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Small helpers the webhook parsers share. Everything that goes on an event is bounded. */
final class WebhookText {

    static final int MAX_TITLE = 1_024;
    static final int MAX_DESCRIPTION = 4_096;
    static final int MAX_DEDUP_KEY = 255;
    static final int MAX_LINK = 2_048;

    private WebhookText() {
    }

    static String text(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String cut(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return s.substring(0, max - 1) + "…";
    }

    static boolean isWebAddress(String link) {
        if (link == null || link.length() > MAX_LINK) {
            return false;
        }
        String l = link.toLowerCase(Locale.ROOT);
        return (l.startsWith("https://") || l.startsWith("http://")) && l.chars().noneMatch(Character::isWhitespace);
    }

    /** A dedup key that fits the column and stays readable when it can. */
    static String dedupKey(String readable) {
        if (readable.length() <= MAX_DEDUP_KEY) {
            return readable;
        }
        return "sha256:" + sha256(readable);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
