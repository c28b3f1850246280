package io.incident.notification.stakeholder;

import io.incident.notification.channel.ChannelKind;

/** The channels a stakeholder can be reached on directly; the address is an e-mail address or a webhook URL. */
public enum StakeholderChannel {
    EMAIL(ChannelKind.EMAIL), SLACK(ChannelKind.SLACK), TEAMS(ChannelKind.TEAMS),
    MATTERMOST(ChannelKind.MATTERMOST), WEBHOOK(ChannelKind.WEBHOOK);

    private final ChannelKind kind;

    StakeholderChannel(ChannelKind kind) {
        this.kind = kind;
    }

    public ChannelKind kind() {
        return kind;
    }
}
