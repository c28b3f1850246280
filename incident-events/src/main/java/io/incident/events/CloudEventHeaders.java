package io.incident.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary mode: attributes travel as {@code ce_*} record headers and the
 * record value is the event's JSON. The record key is the incident id.
 */
public final class CloudEventHeaders {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }

    /** The headers of one event, in binary mode. */
    public static Map<String, String> binary(UUID id, String source, String type, Instant time, UUID subject) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(SPEC_VERSION, SPEC_VERSION_1_0);
        h.put(ID, id.toString());
        h.put(SOURCE, source);
        h.put(TYPE, type);
        h.put(TIME, time.toString());
        h.put(SUBJECT, subject.toString());
        h.put(CONTENT_TYPE, JSON);
        return h;
    }
}
