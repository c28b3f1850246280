package io.incident.intake.classification;

import io.incident.events.ReportChannel;
import io.incident.events.Severity;

/**
 * How urgent a report is and who takes it, the same way on every channel. Pure: a function of what the report
 * says about itself.
 */
public final class Classifier {

    /** The team of the system integrator's on-call, who takes site-wide and service-center reports (R-ACK-4). */
    public static final String SI_TEAM = "si";

    private Classifier() {
    }

    /**
     * What is known about a report before it is classified.
     *
     * @param team            the team it was sent to (by address, integration or field)
     * @param severity        the severity the source stated, already mapped, or null if it stated none
     * @param siteWideSignal  the source says the whole site is affected (a {@code scope=site-wide} label, a flag)
     */
    public record Input(ReportChannel channel, String team, Severity severity, boolean siteWideSignal) {
    }

    public record Classification(String team, Severity severity, boolean likelyIncident, boolean siteWide) {
    }

    public static Classification classify(Input in) {
        Severity severity = in.severity() == null ? Severity.SEV3 : in.severity();
        boolean siteWide = in.siteWideSignal() || SI_TEAM.equals(in.team());
        return new Classification(siteWide ? SI_TEAM : in.team(), severity, likelyIncident(in.channel(), severity),
                siteWide);
    }

    /**
     * R-ACK-2: a person writing to an incident address, the REST API or a chat command is likely reporting an
     * incident (5 minutes);
     * a tool's alert is a standard automated alert (15 minutes) unless the tool itself calls it critical.
     */
    static boolean likelyIncident(ReportChannel channel, Severity severity) {
        return switch (channel) {
            case REST, EMAIL, CHAT -> true;
            case PAGERDUTY, ALERTMANAGER, GRAFANA, GENERIC_WEBHOOK -> severity == Severity.SEV1;
        };
    }
}
