package io.incident.docs.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Tamper evidence for the timeline: every entry's hash is SHA-256 over the previous entry's hash and the entry's
 * canonical content, so changing, removing or reordering a stored entry breaks every hash from it on. Entries are
 * chained in the order they were appended, which is not always the order of their times (an event can arrive late).
 */
public final class TimelineChain {

    /** The "previous hash" of a document's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private TimelineChain() {
    }

    /** What is hashed of an entry. Every field is part of the record, so none can change unnoticed. */
    public record Content(UUID documentId, UUID eventId, Instant occurredAt, String kind, String actor, String text,
                          String link) {
    }

    /** A stored entry as the verifier reads it. */
    public record Stored(long id, Content content, String previousHash, String hash) {
    }

    /** Where the chain breaks: the first stored entry whose hashes do not match its content and predecessor. */
    public record Break(long entryId, int position, String reason) {
    }

    public static String hash(String previousHash, Content c) {
        // Fields are separated by the unit separator and each one is length-prefixed, so moving text between
        // fields cannot produce the same bytes.
        StringBuilder canonical = new StringBuilder(previousHash);
        for (String field : new String[]{c.documentId().toString(), c.eventId().toString(),
                c.occurredAt().toString(), c.kind(), c.actor(), c.text(), c.link()}) {
            String value = field == null ? "" : field;
            canonical.append('\u001f').append(field == null ? -1 : value.length()).append(':').append(value);
        }
        return HexFormat.of().formatHex(sha256().digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Checks entries in the order they were appended; empty when the whole chain holds. */
    public static Optional<Break> verify(List<Stored> inAppendOrder) {
        String previous = GENESIS;
        int position = 0;
        for (Stored s : inAppendOrder) {
            position++;
            if (s.hash() == null) {
                return Optional.of(new Break(s.id(), position, "entry has no hash"));
            }
            if (!previous.equals(s.previousHash())) {
                return Optional.of(new Break(s.id(), position,
                        "entry does not point at the entry before it (removed or reordered)"));
            }
            if (!hash(previous, s.content()).equals(s.hash())) {
                return Optional.of(new Break(s.id(), position, "entry content does not match its hash (changed)"));
            }
            previous = s.hash();
        }
        return Optional.empty();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
