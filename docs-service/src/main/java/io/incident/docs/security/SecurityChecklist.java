package io.incident.docs.security;

import java.util.List;

/** R-SEC-5: the security runbook's steps, in order, as the checklist every security incident carries. */
public final class SecurityChecklist {

    public record Step(String key, String label) {
    }

    public static final List<Step> STEPS = List.of(
            new Step("receive", "Receive the report"),
            new Step("private-channel", "Open the private channel"),
            new Step("bridge", "Open the bridge"),
            new Step("priority-and-ic", "Set the priority and name the Incident Commander"),
            new Step("initial-analysis", "Do the initial analysis"),
            new Step("verify-impact", "Verify the impact"),
            new Step("more-support", "Bring in more support"),
            new Step("stop-the-bleeding", "Stop the bleeding"),
            new Step("working-document", "Start the working document"),
            new Step("fix-or-mitigate", "Fix or mitigate"),
            new Step("forensics-snapshots", "Take forensics snapshots"),
            new Step("test-the-fix", "Test the fix"),
            new Step("roll-out-and-monitor", "Roll out and monitor"),
            new Step("incident-ticket", "File the incident ticket"),
            new Step("update-the-document", "Update the document"),
            new Step("legal-and-pr", "Loop in legal and PR"),
            new Step("leadership", "Inform leadership"),
            new Step("close", "Close the incident"),
            new Step("follow-up-items", "File the follow-up items"),
            new Step("postmortem", "Schedule and hold the postmortem"));

    private SecurityChecklist() {
    }
}
