package io.incident.notification.channel;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** Slack, Microsoft Teams and Mattermost incoming webhooks: the recipient is the webhook URL. */
public final class ChatChannels {

    private ChatChannels() {
    }

    @ApplicationScoped
    public static class Slack implements Channel {
        private final HttpPoster http;

        public Slack(HttpPoster http) {
            this.http = http;
        }

        @Override
        public ChannelKind kind() {
            return ChannelKind.SLACK;
        }

        @Override
        public String send(OutgoingMessage m) throws DeliveryException {
            http.postJson(m.recipient(), JsonBodies.slack(m.subject(), m.body()), Map.of());
            return null;
        }
    }

    @ApplicationScoped
    public static class Teams implements Channel {
        private final HttpPoster http;

        public Teams(HttpPoster http) {
            this.http = http;
        }

        @Override
        public ChannelKind kind() {
            return ChannelKind.TEAMS;
        }

        @Override
        public String send(OutgoingMessage m) throws DeliveryException {
            http.postJson(m.recipient(), JsonBodies.teams(m.subject(), m.body()), Map.of());
            return null;
        }
    }

    @ApplicationScoped
    public static class Mattermost implements Channel {
        private final HttpPoster http;

        public Mattermost(HttpPoster http) {
            this.http = http;
        }

        @Override
        public ChannelKind kind() {
            return ChannelKind.MATTERMOST;
        }

        @Override
        public String send(OutgoingMessage m) throws DeliveryException {
            http.postJson(m.recipient(), JsonBodies.mattermost(m.subject(), m.body()), Map.of());
            return null;
        }
    }

    /**
     * Sets a room's topic through a Slack-style {@code conversations.setTopic} call: the recipient is the API URL,
     * the rendered subject is the topic.
     */
    @ApplicationScoped
    public static class RoomTopic implements Channel {
        private final HttpPoster http;

        public RoomTopic(HttpPoster http) {
            this.http = http;
        }

        @Override
        public ChannelKind kind() {
            return ChannelKind.ROOM_TOPIC;
        }

        @Override
        public String send(OutgoingMessage m) throws DeliveryException {
            http.postJson(m.recipient(), JsonBodies.write(Map.of("topic", m.subject())), Map.of());
            return null;
        }
    }
}
