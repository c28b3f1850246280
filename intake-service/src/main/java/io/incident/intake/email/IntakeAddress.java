package io.incident.intake.email;

import io.incident.intake.classification.Classifier;
import io.incident.intake.team.Teams;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The addresses intake takes mail for (R-REP-2): {@code <team>-incident-report@<domain>} and the generic
 * {@code incident-report@<domain>}, which goes to the SI team; either with an optional {@code +key} that ties mails
 * about one problem together. Everything else is refused, so the listener can never relay. Pure.
 */
public final class IntakeAddress {

    public static final String GENERIC_LOCAL_PART = "incident-report";
    private static final Pattern LOCAL = Pattern.compile(
            "(?:(?<team>[a-z0-9][a-z0-9-]{0,62})-)?incident-report(?:\\+(?<key>[a-z0-9][a-z0-9._-]{0,63}))?");

    private IntakeAddress() {
    }

    /** An accepted recipient: the team that gets the report, and the {@code +key}, if any. */
    public record Recipient(String address, String team, String plusKey) {
    }

    /** Either a recipient, or the reason it is refused, for the SMTP reply. */
    public record Verdict(Optional<Recipient> recipient, String refusal) {
        static Verdict accept(Recipient r) {
            return new Verdict(Optional.of(r), null);
        }

        static Verdict refuse(String reason) {
            return new Verdict(Optional.empty(), reason);
        }
    }

    public static Verdict check(String address, String domain) {
        if (address == null || address.isBlank()) {
            return Verdict.refuse("no recipient address");
        }
        String a = address.strip();
        if (a.startsWith("<") && a.endsWith(">")) {
            a = a.substring(1, a.length() - 1);
        }
        a = a.toLowerCase(Locale.ROOT);
        int at = a.lastIndexOf('@');
        if (at <= 0 || at == a.length() - 1) {
            return Verdict.refuse("<" + address + "> is not a mail address");
        }
        String local = a.substring(0, at);
        String host = a.substring(at + 1);
        if (!host.equals(domain.toLowerCase(Locale.ROOT))) {
            return Verdict.refuse("relaying denied: this server takes mail only for incident-report addresses at "
                    + domain);
        }
        Matcher m = LOCAL.matcher(local);
        if (!m.matches()) {
            return Verdict.refuse("<" + a + "> is not an intake address; write to <team>-incident-report@" + domain
                    + ", or to " + GENERIC_LOCAL_PART + "@" + domain + " if you do not know the team");
        }
        String team = m.group("team");
        if (team != null && !Teams.isValid(team)) {
            return Verdict.refuse("<" + a + ">: the team name " + Teams.RULE);
        }
        return Verdict.accept(new Recipient(a, team == null ? Classifier.SI_TEAM : team, m.group("key")));
    }
}
