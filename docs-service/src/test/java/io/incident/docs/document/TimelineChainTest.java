package io.incident.docs.document;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Tamper evidence of the timeline: what the hash chain catches. */
class TimelineChainTest {

    private final UUID document = UUID.randomUUID();

    private List<TimelineChain.Stored> chain(int n) {
        List<TimelineChain.Stored> stored = new ArrayList<>();
        String previous = TimelineChain.GENESIS;
        for (int i = 0; i < n; i++) {
            TimelineChain.Content c = new TimelineChain.Content(document, UUID.randomUUID(),
                    Instant.parse("2026-03-01T10:00:00Z").plusSeconds(i), "update", "person-ref-" + i,
                    "Entry " + i, i % 2 == 0 ? null : "https://grafana.example.org/d/" + i);
            String hash = TimelineChain.hash(previous, c);
            stored.add(new TimelineChain.Stored(i + 1, c, previous, hash));
            previous = hash;
        }
        return stored;
    }

    @Test
    @DisplayName("an untouched chain verifies, and the hash is SHA-256 hex")
    void intact() {
        List<TimelineChain.Stored> c = chain(5);
        assertThat(TimelineChain.verify(c)).isEmpty();
        assertThat(c.get(0).hash()).matches("[0-9a-f]{64}");
        assertThat(c.get(0).previousHash()).isEqualTo(TimelineChain.GENESIS);
    }

    @Test
    @DisplayName("a changed text is caught at that entry")
    void changedText() {
        List<TimelineChain.Stored> c = chain(5);
        TimelineChain.Stored s = c.get(2);
        TimelineChain.Content changed = new TimelineChain.Content(document, s.content().eventId(),
                s.content().occurredAt(), s.content().kind(), s.content().actor(), "Nothing happened",
                s.content().link());
        c.set(2, new TimelineChain.Stored(s.id(), changed, s.previousHash(), s.hash()));
        assertThat(TimelineChain.verify(c)).hasValueSatisfying(b -> {
            assertThat(b.entryId()).isEqualTo(3);
            assertThat(b.position()).isEqualTo(3);
            assertThat(b.reason()).contains("changed");
        });
    }

    @Test
    @DisplayName("a changed time, actor or link is caught too: every field is hashed")
    void everyField() {
        TimelineChain.Content c = chain(1).get(0).content();
        String h = TimelineChain.hash(TimelineChain.GENESIS, c);
        assertThat(TimelineChain.hash(TimelineChain.GENESIS, new TimelineChain.Content(c.documentId(), c.eventId(),
                c.occurredAt().plusSeconds(1), c.kind(), c.actor(), c.text(), c.link()))).isNotEqualTo(h);
        assertThat(TimelineChain.hash(TimelineChain.GENESIS, new TimelineChain.Content(c.documentId(), c.eventId(),
                c.occurredAt(), c.kind(), "person-ref-99", c.text(), c.link()))).isNotEqualTo(h);
        assertThat(TimelineChain.hash(TimelineChain.GENESIS, new TimelineChain.Content(c.documentId(), c.eventId(),
                c.occurredAt(), c.kind(), c.actor(), c.text(), "https://example.org"))).isNotEqualTo(h);
        // Moving characters between fields must not give the same bytes.
        assertThat(TimelineChain.hash(TimelineChain.GENESIS, new TimelineChain.Content(c.documentId(), c.eventId(),
                c.occurredAt(), c.kind(), c.actor() + "E", c.text().substring(1), c.link()))).isNotEqualTo(h);
    }

    @Test
    @DisplayName("a removed entry is caught at the entry after it")
    void removed() {
        List<TimelineChain.Stored> c = chain(5);
        c.remove(1);
        assertThat(TimelineChain.verify(c)).hasValueSatisfying(b -> {
            assertThat(b.entryId()).isEqualTo(3);
            assertThat(b.reason()).contains("removed or reordered");
        });
    }

    @Test
    @DisplayName("a rehashed entry still breaks the chain at the next one")
    void rehashed() {
        List<TimelineChain.Stored> c = chain(4);
        TimelineChain.Stored s = c.get(1);
        TimelineChain.Content changed = new TimelineChain.Content(document, s.content().eventId(),
                s.content().occurredAt(), s.content().kind(), s.content().actor(), "Rewritten", s.content().link());
        c.set(1, new TimelineChain.Stored(s.id(), changed, s.previousHash(),
                TimelineChain.hash(s.previousHash(), changed)));
        assertThat(TimelineChain.verify(c)).hasValueSatisfying(b -> assertThat(b.entryId()).isEqualTo(3));
    }
}
