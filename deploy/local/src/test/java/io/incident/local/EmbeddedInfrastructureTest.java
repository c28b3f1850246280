package io.incident.local;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The pieces of the local stack are real servers that keep their data across restarts. */
class EmbeddedInfrastructureTest {

    @TempDir
    Path dir;

    @Test
    void postgresKeepsDataAcrossRestart() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(0, dir.resolve("pg"), "pw")) {
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, "pw");
                 Statement s = c.createStatement()) {
                s.execute("create table kept (v text)");
                s.execute("insert into kept values ('still here')");
            }
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(0, dir.resolve("pg"), "pw");
             Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, "pw");
             ResultSet rs = c.createStatement().executeQuery("select v from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void kafkaKeepsRecordsAcrossRestart() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(0, dir.resolve("kafka"), 3);
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                     ProducerConfig.ACKS_CONFIG, "all",
                     ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                     ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>("kept", "k", "v1")).get();
        }
        try (EmbeddedKafka kafka = EmbeddedKafka.start(0, dir.resolve("kafka"), 3)) {
            assertThat(readAll(kafka.bootstrapServers(), "kept")).containsExactly("v1");
        }
    }

    @Test
    void mailSinkCatchesMail() throws Exception {
        try (MailSink sink = MailSink.start(0, 0)) {
            GreenMailUtil.sendTextEmail("oncall@example.org", "platform@example.org", "[Active Incident] test",
                    "body", new ServerSetup(sink.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            assertThat(sink.messages()).singleElement()
                    .satisfies(m -> assertThat(m.get("subject")).isEqualTo("[Active Incident] test"));
            var response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                            "http://127.0.0.1:" + sink.webPort() + "/api/messages")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("oncall@example.org");
        }
    }

    private static List<String> readAll(String bootstrap, String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            List<String> values = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 20_000;
            while (values.isEmpty() && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
            return values;
        }
    }
}
