package io.incident.intake.integration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Integration keys: 32 lower-case hex characters, like a PagerDuty routing key, so a tool that already speaks
 * PagerDuty accepts one unchanged. Only a hash is stored. A plain SHA-256 is enough here, unlike for passwords:
 * a key carries 128 random bits, so nobody can guess one from its hash, and a fast hash lets a webhook be matched
 * to its integration with one indexed lookup.
 */
public final class IntegrationKeys {

    public static final int LENGTH = 32;
    private static final Pattern WELL_FORMED = Pattern.compile("[0-9a-f]{" + LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private IntegrationKeys() {
    }

    public static String generate() {
        return generate(RANDOM);
    }

    static String generate(Random random) {
        byte[] bytes = new byte[LENGTH / 2];
        random.nextBytes(bytes);
        return HEX.formatHex(bytes);
    }

    /** A webhook signing secret: 256 random bits, in hex. */
    public static String generateSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HEX.formatHex(bytes);
    }

    /** The stored form of a key: its SHA-256, in hex. */
    public static String hash(String key) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    public static boolean isWellFormed(String key) {
        return key != null && WELL_FORMED.matcher(key).matches();
    }
}
