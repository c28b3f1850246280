package io.incident.runtime.access;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * A link that lets one person take one action on one incident without signing in: the one-click acknowledge in a
 * page. The token names the action, the incident, the person and when it expires, and is signed with a secret the
 * services share ({@code incident.access.link-secret}); the service that acts records each token it honoured, so a
 * token works once. The token is a bearer credential, so it travels only in the message to that person, never on a
 * topic. Pure.
 *
 * @param action    what the link does, e.g. {@code acknowledge}
 * @param person    the directory reference the action is taken as
 */
public record ActionLink(String action, UUID incidentId, String person, Instant expiresAt) {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    /** Either the link a token stands for, or why it cannot be honoured. */
    public record Verdict(Optional<ActionLink> link, String refusal, boolean expired) {
    }

    public String token(String secret) {
        String payload = action + "|" + incidentId + "|" + person + "|" + expiresAt.getEpochSecond();
        return ENCODE.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + ENCODE.encodeToString(
                mac(secret, payload));
    }

    public static Verdict verify(String secret, String token, Instant now) {
        if (token == null || token.indexOf('.') < 0) {
            return refuse("the link is incomplete", false);
        }
        String[] parts = token.split("\\.", 2);
        String payload;
        byte[] signature;
        try {
            payload = new String(DECODE.decode(parts[0]), StandardCharsets.UTF_8);
            signature = DECODE.decode(parts[1]);
        } catch (IllegalArgumentException e) {
            return refuse("the link is damaged", false);
        }
        if (!MessageDigest.isEqual(mac(secret, payload), signature)) {
            return refuse("the link was not issued by this platform, or was changed", false);
        }
        String[] fields = payload.split("\\|", -1);
        if (fields.length != 4) {
            return refuse("the link is damaged", false);
        }
        ActionLink link;
        try {
            link = new ActionLink(fields[0], UUID.fromString(fields[1]), fields[2],
                    Instant.ofEpochSecond(Long.parseLong(fields[3])));
        } catch (IllegalArgumentException e) {
            return refuse("the link is damaged", false);
        }
        if (!now.isBefore(link.expiresAt())) {
            return refuse("the link expired at " + link.expiresAt(), true);
        }
        return new Verdict(Optional.of(link), null, false);
    }

    /** What is kept of a used token: its digest, so the table of used links holds no credential. */
    public static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Verdict refuse(String reason, boolean expired) {
        return new Verdict(Optional.empty(), reason, expired);
    }

    private static byte[] mac(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
