package io.incident.intake.pagerduty;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The bodies PagerDuty's Events API v2 answers with. Not problem JSON: the tools that call this endpoint were
 * written against PagerDuty and parse these fields.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PagerDutyReply(String status, String message, @JsonProperty("dedup_key") String dedupKey,
                             List<String> errors) {

    static final int MAX_BODY_BYTES = 512 * 1024;

    static PagerDutyReply success(String dedupKey) {
        return new PagerDutyReply("success", "Event processed", dedupKey, null);
    }

    static PagerDutyReply invalid(List<String> errors) {
        return new PagerDutyReply("invalid event", "Event object is invalid", null, errors);
    }

    static PagerDutyReply tooLarge() {
        return new PagerDutyReply("invalid event", "Event object is too large",
                null, List.of("Request body is larger than " + MAX_BODY_BYTES + " bytes (512 KB)"));
    }

    static PagerDutyReply methodNotAllowed(String method) {
        return new PagerDutyReply("invalid request", "Events are sent with POST",
                null, List.of(method + " is not allowed on this path; use POST"));
    }

    static PagerDutyReply throttled() {
        return new PagerDutyReply("throttle event",
                "Requests for this integration are arriving too quickly. Please retry later.", null, null);
    }

    static PagerDutyReply failed(String reference) {
        return new PagerDutyReply("error", "The event was not processed; retry later. Report reference "
                + reference + " to the operators if it persists.", null, null);
    }
}
