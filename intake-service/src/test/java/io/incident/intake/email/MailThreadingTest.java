package io.incident.intake.email;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MailThreadingTest {

    private static final UUID THREAD = UUID.randomUUID();
    private static final UUID KEY = UUID.randomUUID();
    private static final UUID SUBJECT = UUID.randomUUID();
    private static final UUID ANY = UUID.randomUUID();

    @Test
    @DisplayName("R-REP-5 a reply or a +key mail attaches to its open incident whatever the team's mode")
    void threadAndKeyFirst() {
        for (MailMode mode : MailMode.values()) {
            assertThat(MailThreading.attachTo(mode, new MailThreading.Candidates(Optional.of(THREAD),
                    Optional.of(KEY), Optional.of(SUBJECT), Optional.of(ANY)))).contains(THREAD);
            assertThat(MailThreading.attachTo(mode, new MailThreading.Candidates(Optional.empty(),
                    Optional.of(KEY), Optional.of(SUBJECT), Optional.of(ANY)))).contains(KEY);
        }
    }

    @Test
    @DisplayName("per mail, per subject, or only when none is open: the team's mode decides for new mails")
    void modes() {
        var c = new MailThreading.Candidates(Optional.empty(), Optional.empty(), Optional.of(SUBJECT),
                Optional.of(ANY));
        assertThat(MailThreading.attachTo(MailMode.PER_MAIL, c)).isEmpty();
        assertThat(MailThreading.attachTo(MailMode.PER_SUBJECT, c)).contains(SUBJECT);
        assertThat(MailThreading.attachTo(MailMode.WHEN_NONE_OPEN, c)).contains(ANY);
        var none = new MailThreading.Candidates(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
        assertThat(MailThreading.attachTo(MailMode.WHEN_NONE_OPEN, none)).isEmpty();
    }

    @Test
    void subjectKey() {
        assertThat(MailParser.subjectKey("RE: Fwd:  Checkout   returns 502")).isEqualTo("checkout returns 502");
        assertThat(MailParser.subjectKey("AW: Re[2]: Checkout returns 502")).isEqualTo("checkout returns 502");
    }
}
