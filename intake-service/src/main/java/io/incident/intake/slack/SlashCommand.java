package io.incident.intake.slack;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code /incident ...} asks for, from the command's text. Pure.
 *
 * <ul>
 *   <li>{@code /incident payments: Checkout returns 502} declares an incident for the team;</li>
 *   <li>{@code /incident Checkout returns 502} does the same in a channel linked to a team;</li>
 *   <li>{@code /incident help} (or nothing) explains;</li>
 *   <li>{@code ack}, {@code resolve}, {@code status}, {@code update <text>}, {@code page <who>} act on the incident
 *       whose channel the command is typed in.</li>
 * </ul>
 */
public record SlashCommand(Kind kind, String team, String text) {

    public enum Kind { DECLARE, HELP, IN_INCIDENT_CHANNEL, NEEDS_TEAM }

    private static final Pattern TEAM_AND_TITLE = Pattern.compile("([a-z0-9][a-z0-9-]{0,62})\\s*:\\s*(.+)",
            Pattern.DOTALL);
    private static final Set<String> INCIDENT_VERBS = Set.of("ack", "acknowledge", "resolve", "status", "update",
            "page");

    /** @param channelTeam the team this channel is linked to, if any */
    public static SlashCommand parse(String text, Optional<String> channelTeam) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.equalsIgnoreCase("help")) {
            return new SlashCommand(Kind.HELP, null, null);
        }
        String verb = t.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        if (INCIDENT_VERBS.contains(verb)) {
            return new SlashCommand(Kind.IN_INCIDENT_CHANNEL, null, t);
        }
        Matcher m = TEAM_AND_TITLE.matcher(t);
        if (m.matches()) {
            return new SlashCommand(Kind.DECLARE, m.group(1), m.group(2).strip());
        }
        return channelTeam.map(team -> new SlashCommand(Kind.DECLARE, team, t))
                .orElseGet(() -> new SlashCommand(Kind.NEEDS_TEAM, null, t));
    }
}
