package io.incident.intake.team;

import java.util.regex.Pattern;

/** What a team name may be. Names end up in e-mail addresses and URLs, so they are kept to a safe alphabet. */
public final class Teams {

    public static final String RULE = "must be lower-case letters, digits and dashes, at most 63 characters";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private Teams() {
    }

    public static boolean isValid(String team) {
        return team != null && NAME.matcher(team).matches();
    }

    /** Where people e-mail a report to the team (R-REP-2). */
    public static String intakeAddress(String team, String domain) {
        return team + "-incident-report@" + domain;
    }
}
