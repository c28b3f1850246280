package io.incident.intake.idempotency;

import io.incident.runtime.problem.ProblemException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.Map;
import java.util.Optional;

/** The HTTP side of idempotency keys: reading the request header, marking a replayed answer. */
public final class IdempotencyHeader {

    /** Set on an answer that repeats the first answer to the key instead of doing the request again. */
    public static final String REPLAYED = "Idempotent-Replayed";

    private IdempotencyHeader() {
    }

    /** The request's key, if it sent one; a header that cannot be a key is refused with 400 naming it. */
    public static Optional<IdempotencyKey> read(HttpHeaders headers) {
        IdempotencyKey.Reading reading = IdempotencyKey.fromHeader(headers.getRequestHeader(IdempotencyKey.HEADER));
        if (reading.problem().isPresent()) {
            throw new ProblemException(400, "Invalid Idempotency-Key",
                    "The " + IdempotencyKey.HEADER + " header " + reading.problem().get()
                            + ". Nothing was accepted.",
                    Map.of("header", IdempotencyKey.HEADER));
        }
        return reading.key();
    }

    /** The first answer's status and Location, marked as a replay; the caller adds the body. */
    public static Response.ResponseBuilder replay(IdempotencyKeys.Outcome outcome) {
        return Response.status(outcome.status()).location(outcome.location()).header(REPLAYED, "true");
    }
}
