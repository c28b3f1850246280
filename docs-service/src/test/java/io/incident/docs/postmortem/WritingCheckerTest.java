package io.incident.docs.postmortem;

import io.incident.docs.postmortem.WritingChecker.Finding;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** R-PM-3: the postmortem writing rules. */
class WritingCheckerTest {

    private static final String MARKED_TIMELINE = """
            2026-03-01T10:00:00Z Incident start: the first report arrived.
            2026-03-01T10:00:00Z Outage start: checkout errors began.
            2026-03-01T10:40:00Z Outage end: the payments team turned off the flag.
            2026-03-01T12:00:00Z Incident end: the IC closed the incident.""";

    private final WritingChecker checker = new WritingChecker(6);

    private List<Finding> checkSection(String section, String text) {
        return checker.check(Map.of(section, text));
    }

    private List<Finding> rule(List<Finding> findings, String rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).toList();
    }

    /** A postmortem that follows every rule. */
    static Map<String, String> clean() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("summary", "Checkout failed for ten minutes. The payments team found the bad flag and turned it off.");
        s.put("impact", "About one in five buyers saw an error page. No data was lost.".replace("No data was lost.",
                "The team found no lost data."));
        s.put("timeline", MARKED_TIMELINE);
        s.put("rootCause", "A new flag sent card checks to an old server. That server had no capacity left.");
        s.put("resolution", "The team turned the flag off. Errors stopped a minute later.");
        s.put("wentWell", "Alerts fired within two minutes. The first responder was paged at once.");
        s.put("wentBadly", "The flag had no owner. The runbook did not list it.");
        s.put("actionItems", "- Add an owner to every flag (owner person-ref-3, due 2026-04-01)");
        return s;
    }

    @Test
    @DisplayName("R-PM-3 a postmortem that follows the rules has no finding")
    void cleanPostmortem() {
        assertThat(checker.check(clean())).isEmpty();
    }

    @Nested
    @DisplayName("first person")
    class FirstPerson {
        @ParameterizedTest
        @ValueSource(strings = {"I restarted the server.", "We restarted the server.", "Our team restarted it.",
                "The alert woke me up.", "The alert reached us late.", "My change broke checkout."})
        @DisplayName("R-PM-3 I, me, my, we, us and our are flagged with the sentence and a fix")
        void flagged(String sentence) {
            List<Finding> f = rule(checkSection("summary", sentence), WritingChecker.FIRST_PERSON);
            assertThat(f).hasSize(1);
            assertThat(f.get(0).sentence()).isEqualTo(sentence);
            assertThat(f.get(0).section()).isEqualTo("summary");
            assertThat(f.get(0).suggestion()).contains("third person");
        }

        @ParameterizedTest
        @ValueSource(strings = {"The team restarted the server.", "Traffic from the US rose.",
                "The graph shows a spike, i.e. a burst of errors."})
        @DisplayName("third person, the country US and 'i.e.' are not first person")
        void notFlagged(String sentence) {
            assertThat(rule(checkSection("summary", sentence), WritingChecker.FIRST_PERSON)).isEmpty();
        }
    }

    @Nested
    @DisplayName("passive voice")
    class PassiveVoice {
        @ParameterizedTest
        @ValueSource(strings = {"The server was restarted.", "The flag was turned on by a deploy.",
                "Alerts were sent late.", "The change was quickly rolled back.", "The data got deleted.",
                "The cache is not refreshed."})
        @DisplayName("R-PM-3 a form of 'to be' with a past participle is flagged")
        void flagged(String sentence) {
            List<Finding> f = rule(checkSection("rootCause", sentence), WritingChecker.PASSIVE_VOICE);
            assertThat(f).hasSize(1);
            assertThat(f.get(0).sentence()).isEqualTo(sentence);
            assertThat(f.get(0).suggestion()).contains("active voice");
        }

        @Test
        @DisplayName("R-PM-3 active sentences are not flagged")
        void active() {
            assertThat(rule(checkSection("rootCause", "The deploy job restarted the server. The team is ready."),
                    WritingChecker.PASSIVE_VOICE)).isEmpty();
        }

        @Test
        @DisplayName("R-PM-3 lessons learned may use the passive voice, in their sections and by name")
        void lessonsLearnedException() {
            assertThat(rule(checkSection("wentBadly", "The warning was missed."), WritingChecker.PASSIVE_VOICE))
                    .isEmpty();
            assertThat(rule(checkSection("wentWell", "The fix was tested before roll-out."),
                    WritingChecker.PASSIVE_VOICE)).isEmpty();
            assertThat(rule(checkSection("summary", "Lessons were learned about flags."),
                    WritingChecker.PASSIVE_VOICE)).isEmpty();
            assertThat(rule(checkSection("resolution", "The warning was missed."), WritingChecker.PASSIVE_VOICE))
                    .hasSize(1);
        }
    }

    @Nested
    @DisplayName("blame and judgement")
    class Blame {
        @ParameterizedTest
        @ValueSource(strings = {"The outage was the fault of the new hire.", "A careless deploy broke checkout.",
                "It was human error.", "The on-call engineer should have checked the graph.",
                "The operator failed to read the alert.", "Obviously the config was wrong.",
                "Someone made a mistake in the config.", "The team just restarted it."})
        @DisplayName("R-PM-3 blame and judgmental words are flagged with a neutral alternative")
        void flagged(String sentence) {
            List<Finding> f = rule(checkSection("rootCause", sentence), WritingChecker.BLAME);
            assertThat(f).isNotEmpty();
            assertThat(f.get(0).sentence()).isEqualTo(sentence);
            assertThat(f.get(0).suggestion()).isNotBlank().startsWith("Avoid");
        }

        @Test
        @DisplayName("words that only contain a blame word are not flagged")
        void wholeWordsOnly() {
            assertThat(rule(checkSection("rootCause", "The default timeout is justified by the load test."),
                    WritingChecker.BLAME)).isEmpty();
        }
    }

    @Nested
    @DisplayName("casual language")
    class Casual {
        @ParameterizedTest
        @ValueSource(strings = {"The database was gonna fall over.", "Lots of stuff broke.",
                "The fix is ok now.", "Basically the cache died.", "A bunch of requests failed.",
                "The guys fixed it."})
        @DisplayName("R-PM-3 casual words are flagged with a precise replacement")
        void flagged(String sentence) {
            List<Finding> f = rule(checkSection("summary", sentence), WritingChecker.CASUAL);
            assertThat(f).hasSize(1);
            assertThat(f.get(0).sentence()).isEqualTo(sentence);
            assertThat(f.get(0).suggestion()).startsWith("Replace the casual");
        }

        @Test
        @DisplayName("words that contain a casual word are not flagged")
        void wholeWordsOnly() {
            assertThat(rule(checkSection("summary", "The team took stock of the supervisor tokens."),
                    WritingChecker.CASUAL)).isEmpty();
        }
    }

    @Nested
    @DisplayName("reading grade")
    class ReadingGrade {
        @Test
        @DisplayName("R-PM-3 a section above grade 6 is flagged, naming its hardest sentence and the grade")
        void hardSection() {
            String hard = "The intermittent authentication degradation originated from misconfigured "
                    + "infrastructure automation, consequently precipitating widespread unavailability.";
            List<Finding> f = rule(checkSection("rootCause", "The team looked. " + hard),
                    WritingChecker.READING_GRADE);
            assertThat(f).hasSize(1);
            assertThat(f.get(0).sentence()).isEqualTo(hard);
            assertThat(f.get(0).suggestion()).contains("grade").contains("6 or lower");
        }

        @Test
        @DisplayName("R-PM-3 short sentences of short words pass")
        void easySection() {
            assertThat(rule(checkSection("rootCause", "A bad flag sent calls to an old box. The box ran out of room."),
                    WritingChecker.READING_GRADE)).isEmpty();
        }

        @Test
        @DisplayName("the timeline and the action items are lists, not prose, and are not graded")
        void listsAreNotGraded() {
            String hard = "Consequently precipitating widespread unavailability across infrastructure.";
            assertThat(rule(checkSection("actionItems", "- " + hard), WritingChecker.READING_GRADE)).isEmpty();
        }

        @Test
        @DisplayName("the Flesch–Kincaid formula and syllable counts match known values")
        void formula() {
            assertThat(WritingChecker.syllables("cat")).isEqualTo(1);
            assertThat(WritingChecker.syllables("table")).isEqualTo(2);
            assertThat(WritingChecker.syllables("make")).isEqualTo(1);
            assertThat(WritingChecker.syllables("restarted")).isEqualTo(3);
            assertThat(WritingChecker.syllables("failed")).isEqualTo(1);
            assertThat(WritingChecker.syllables("minutes")).isEqualTo(2);
            assertThat(WritingChecker.syllables("boxes")).isEqualTo(2);
            assertThat(WritingChecker.syllables("changes")).isEqualTo(2);
            assertThat(WritingChecker.syllables("infrastructure")).isEqualTo(4);
            // "The cat sat on the mat." 6 words, 6 syllables, 1 sentence: 0.39*6 + 11.8*1 - 15.59 = -1.45
            assertThat(WritingChecker.grade("The cat sat on the mat.")).isCloseTo(-1.45, within());
            assertThat(WritingChecker.sentences("One. Two!\n- Three\nFour?")).containsExactly("One.", "Two!",
                    "Three", "Four?");
        }

        private org.assertj.core.data.Offset<Double> within() {
            return org.assertj.core.data.Offset.offset(0.001);
        }
    }

    @Nested
    @DisplayName("timeline markers")
    class Markers {
        @Test
        @DisplayName("R-PM-3 each missing outage or incident start or end marker is a finding with the line to add")
        void missing() {
            List<Finding> f = rule(checkSection("timeline", "2026-03-01T10:00:00Z Incident start: reported.\n"
                    + "2026-03-01T10:40:00Z Outage end: flag off."), WritingChecker.TIMELINE_MARKERS);
            assertThat(f).extracting(Finding::suggestion).hasSize(2)
                    .anySatisfy(s -> assertThat(s).contains("'Outage start: <time in UTC>'"))
                    .anySatisfy(s -> assertThat(s).contains("'Incident end: <time in UTC>'"));
            assertThat(f).allSatisfy(x -> assertThat(x.sentence()).isNull());
        }

        @Test
        @DisplayName("R-PM-3 a timeline with all four markers passes, in any letter case")
        void present() {
            assertThat(rule(checkSection("timeline", MARKED_TIMELINE.toLowerCase()),
                    WritingChecker.TIMELINE_MARKERS)).isEmpty();
        }
    }

    @Test
    @DisplayName("R-PM-3 an empty section is a finding: the postmortem is comprehensive")
    void emptySection() {
        Map<String, String> s = clean();
        s.put("impact", " ");
        List<Finding> f = checker.check(s);
        assertThat(f).extracting(Finding::rule).containsExactly(WritingChecker.EMPTY_SECTION);
        assertThat(f.get(0).section()).isEqualTo("impact");
    }

    @Test
    @DisplayName("one sentence can break several rules; each is its own finding")
    void severalRules() {
        List<Finding> f = checkSection("summary", "We basically got blamed.");
        assertThat(f).extracting(Finding::rule).contains(WritingChecker.FIRST_PERSON, WritingChecker.CASUAL,
                WritingChecker.PASSIVE_VOICE, WritingChecker.BLAME);
    }
}
