package io.incident.intake.slack;

import io.incident.events.ReportChannel;
import io.incident.intake.IntakeConfig;
import io.incident.intake.idempotency.IdempotencyKey;
import io.incident.intake.report.NewReport;
import io.incident.intake.report.ReportIntake;
import io.incident.runtime.RuntimeConfig;
import io.incident.runtime.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;

/**
 * Answers Slack's {@code /incident} slash command. Declaring is a report like any other (R-REP-1: no account needed),
 * taken in one short transaction, so the answer is back well within Slack's 3 seconds. Answers that concern only
 * the caller are ephemeral; a declared incident is announced in the channel, so the people there know it exists.
 */
@ApplicationScoped
public class SlackCommands {

    /** What Slack shows: {@code ephemeral} to the caller only, {@code in_channel} to everyone in the channel. */
    public record Reply(String response_type, String text) {
        static Reply ephemeral(String text) {
            return new Reply("ephemeral", text);
        }

        static Reply inChannel(String text) {
            return new Reply("in_channel", text);
        }
    }

    static final String HELP = """
            `/incident <team>: <what is wrong>` declares an incident for the team and pages its on-call IC, e.g. \
            `/incident payments: Checkout returns 502 for all users`. In a channel linked to a team, \
            `/incident <what is wrong>` is enough. Say what people see and since when; add links to graphs or logs.""";

    private final ReportIntake reports;
    private final IntakeConfig.Slack config;
    private final Map<String, String> urls;

    public SlackCommands(ReportIntake reports, IntakeConfig config, RuntimeConfig runtime) {
        this.reports = reports;
        this.config = config.slack();
        this.urls = runtime.urls();
    }

    /** @param form the command's form fields as Slack sent them (user_id, user_name, channel_id, text, ...) */
    public Reply handle(Map<String, String> form) {
        Optional<String> channelTeam = Optional.ofNullable(form.get("channel_id")).map(config.channelTeams()::get);
        SlashCommand command = SlashCommand.parse(form.get("text"), channelTeam);
        return switch (command.kind()) {
            case HELP -> Reply.ephemeral(HELP);
            case NEEDS_TEAM -> Reply.ephemeral("Which team should take it? `/incident <team>: " + command.text()
                    + "`. " + HELP);
            case IN_INCIDENT_CHANNEL -> Reply.ephemeral("`/incident " + command.text() + "` works in an incident's "
                    + "own channel, which the platform opens when an IC acknowledges once its Slack app has a bot "
                    + "token. Until then, act from the page's links or the incident page.");
            case DECLARE -> declare(command, form);
        };
    }

    private Reply declare(SlashCommand command, Map<String, String> form) {
        String who = form.getOrDefault("user_name", "someone");
        String where = form.get("channel_name") == null ? "" : " in #" + form.get("channel_name");
        NewReport report = new NewReport(command.text(), "Declared in Slack by @" + who + where + ".",
                command.team(), null, null);
        // Slack sends each command once, with its own trigger_id; a proxy that repeats the request gets the same
        // incident, not a second one.
        Optional<IdempotencyKey> key = Optional.ofNullable(form.get("trigger_id"))
                .filter(t -> IdempotencyKey.whyInvalid("slack:" + t).isEmpty())
                .map(t -> new IdempotencyKey("slack:" + t));
        try {
            ReportIntake.Taken taken = reports.accept(report, key, ReportChannel.CHAT);
            String document = urls.getOrDefault("docs-service", "") + "/incidents/" + taken.report().incidentId
                    + "/document";
            return Reply.inChannel("@" + who + " declared an incident for *" + taken.report().team + "*: "
                    + command.text() + "\nThe on-call IC is being paged. Document: " + document);
        } catch (ProblemException refused) {
            return Reply.ephemeral("Not declared: " + refused.getMessage() + "\n" + HELP);
        }
    }
}
