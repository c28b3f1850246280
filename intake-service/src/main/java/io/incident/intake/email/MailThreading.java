package io.incident.intake.email;

import java.util.Optional;
import java.util.UUID;

/**
 * Which open incident a mail belongs to, if any (R-REP-5: same e-mail thread). A reply to a mail of an open
 * incident, or a mail to the same {@code +key} address, always attaches; after that, the team's {@link MailMode}
 * decides. Pure: the caller looks up the candidates, this picks.
 */
public final class MailThreading {

    private MailThreading() {
    }

    /**
     * The open incidents a mail could belong to.
     *
     * @param thread       the open incident of the newest mail this one answers
     * @param plusKey      the open incident of the mail's {@code +key}
     * @param sameSubject  the newest open incident of the team whose first mail had this subject
     * @param anyOpen      the newest open incident of the team opened by mail
     */
    public record Candidates(Optional<UUID> thread, Optional<UUID> plusKey, Optional<UUID> sameSubject,
                             Optional<UUID> anyOpen) {
    }

    /** The incident to attach to; empty means open a new one. */
    public static Optional<UUID> attachTo(MailMode mode, Candidates c) {
        if (c.thread().isPresent()) {
            return c.thread();
        }
        if (c.plusKey().isPresent()) {
            return c.plusKey();
        }
        return switch (mode) {
            case PER_MAIL -> Optional.empty();
            case PER_SUBJECT -> c.sameSubject();
            case WHEN_NONE_OPEN -> c.anyOpen();
        };
    }
}
