package io.incident.notification.channel;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** Slack, Microsoft Teams and Mattermost incoming webhooks: the recipient is the webhook URL. */
public final class ChatChannels {

    /**
     * Every chat post and ticket names its delivery, so a receiver (or a relay in front of it) can drop the rare
     * second copy that follows a crash between the post and the delivery's commit.
     */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    static Map<String, String> idempotencyKey(OutgoingMessage m) {
        return Map.of(IDEMPOTENCY_KEY, m.deliveryId().toString());
    }

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
            http.postJson(m.recipient(), JsonBodies.slack(m.subject(), m.body()), idempotencyKey(m));
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
            http.postJson(m.recipient(), JsonBodies.teams(m.subject(), m.body()), idempotencyKey(m));
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
            http.postJson(m.recipient(), JsonBodies.mattermost(m.subject(), m.body()), idempotencyKey(m));
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
            http.postJson(m.recipient(), JsonBodies.write(Map.of("topic", m.subject())), idempotencyKey(m));
            return null;
        }
    }
}
