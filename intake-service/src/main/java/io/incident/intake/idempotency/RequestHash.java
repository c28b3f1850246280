package io.incident.intake.idempotency;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What "the same request" means for an idempotency key: the SHA-256 of the parsed request body in a canonical JSON
 * form (object keys sorted, no whitespace, null fields left out). Hashing the parsed body rather than its bytes
 * makes a retry that differs only in field order, spacing, unknown fields or an explicit {@code null} the same
 * request, while any difference in what the service would act on makes it a different one. Pure.
 */
public final class RequestHash {

    private RequestHash() {
    }

    /** Lowercase hex SHA-256 of {@link #canonical(Object)}. */
    public static String of(Object body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical(body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }

    /**
     * The canonical JSON text of a request body: records and maps become objects with sorted keys and without null
     * members, collections and arrays become arrays, times, UUIDs and enums become their ISO/plain text.
     */
    public static String canonical(Object body) {
        StringBuilder out = new StringBuilder();
        write(body, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof java.math.BigInteger) {
            out.append(value);
        } else if (value instanceof Enum<?> e) {
            string(e.name(), out);
        } else if (value instanceof TemporalAccessor || value instanceof UUID || value instanceof java.net.URI) {
            string(value.toString(), out);
        } else if (value instanceof Record r) {
            Map<String, Object> members = new TreeMap<>();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                members.put(c.getName(), component(r, c));
            }
            object(members, out);
        } else if (value instanceof Map<?, ?> m) {
            Map<String, Object> members = new TreeMap<>();
            m.forEach((k, v) -> members.put(String.valueOf(k), v));
            object(members, out);
        } else if (value instanceof Collection<?> c) {
            out.append('[');
            boolean first = true;
            for (Object item : c) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(item, out);
            }
            out.append(']');
        } else {
            // Anything else (a double, say) has no single text form; refusing it keeps two equal requests from
            // hashing apart once a field of such a type is added.
            throw new IllegalArgumentException("No canonical form for " + value.getClass().getName());
        }
    }

    private static Object component(Record r, RecordComponent c) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + c.getName() + " of " + r.getClass().getName(), e);
        }
    }

    private static void object(Map<String, Object> sorted, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> member : sorted.entrySet()) {
            if (member.getValue() == null) {
                continue;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            string(member.getKey(), out);
            out.append(':');
            write(member.getValue(), out);
        }
        out.append('}');
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
