package io.incident.commander.rotation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

/** Shifts as an RFC 5545 calendar, so people see their on-call turns in their own calendar application. */
public final class ICalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private ICalendar() {
    }

    /** {@code displayName} turns a person ref into the name shown in the event's summary. */
    public static String render(String scheduleId, String scheduleName, List<Shift> shifts,
                                Function<String, String> displayName, Instant stamp) {
        StringBuilder sb = new StringBuilder();
        line(sb, "BEGIN:VCALENDAR");
        line(sb, "VERSION:2.0");
        line(sb, "PRODID:-//incident-platform//commander-service//EN");
        line(sb, "CALSCALE:GREGORIAN");
        line(sb, "X-WR-CALNAME:" + text("On call: " + scheduleName));
        for (Shift s : shifts) {
            line(sb, "BEGIN:VEVENT");
            // Stable across exports, so a calendar that subscribes updates the event instead of duplicating it.
            line(sb, "UID:" + text(scheduleId + "-" + s.personRef() + "-" + s.start().getEpochSecond())
                    + "@commander-service");
            line(sb, "DTSTAMP:" + UTC.format(stamp.truncatedTo(ChronoUnit.SECONDS)));
            line(sb, "DTSTART:" + UTC.format(s.start()));
            line(sb, "DTEND:" + UTC.format(s.end()));
            line(sb, "SUMMARY:" + text("On call: " + displayName.apply(s.personRef()) + " (" + scheduleName + ")"));
            line(sb, "END:VEVENT");
        }
        line(sb, "END:VCALENDAR");
        return sb.toString();
    }

    /** RFC 5545 TEXT escaping. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }

    /** Content lines end in CRLF and fold at 75 characters. */
    private static void line(StringBuilder sb, String content) {
        int i = 0;
        while (content.length() - i > 75) {
            sb.append(content, i, i + 75).append("\r\n ");
            i += 75;
        }
        sb.append(content, i, content.length()).append("\r\n");
    }
}
