package io.incident.commander.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The commander's process settings under {@code incident.commander.*}; defaults are PROCESS.md's values. */
@ConfigMapping(prefix = "incident.commander")
public interface CommanderSettings {

    Acknowledge acknowledge();

    /** R-CLS-1: how long objections to a close proposal are heard. */
    @WithDefault("10m")
    Duration closeObjectionWindow();

    /** R-ACK-2: the acknowledge goal, which is also an escalation level's delay when the policy gives none. */
    interface Acknowledge {
        /** An alert likely to be an incident, which every direct report to an incident address is. */
        @WithDefault("5m")
        Duration likelyIncident();

        @WithDefault("15m")
        Duration standardAlert();
    }

    default Duration acknowledgeGoal(boolean likelyIncident) {
        return likelyIncident ? acknowledge().likelyIncident() : acknowledge().standardAlert();
    }
}
