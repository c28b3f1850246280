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

        @ParameterizedTest
        @ValueSource(strings = {"Disk I/O on db-7 rose to its limit.", "The I/O wait hit 90 percent.",
                "The pods in us-east-1 restarted.", "The flag my_checkout_v2 stayed on.",
                "The host we.example.org stopped.", "The MY and US regions saw errors.",
                "The job logged `I cannot reach the queue` each second.",
                "The client logged \"we lost the lock on shard 3\" ten times.",
                "The alert title read \u201cI see high latency\u201d at the time."})
        @DisplayName("R-PM-3 technical tokens, code spans and quoted log lines are not first person")
        void technicalTokens(String sentence) {
            assertThat(rule(checkSection("rootCause", sentence), WritingChecker.FIRST_PERSON)).isEmpty();
        }

        @Test
        @DisplayName("R-PM-3 blockquotes and fenced code blocks are quotation, not the writer's words")
        void blockquotesAndCode() {
            String text = """
                    The worker wrote this line to its log:
                    > I give up: we have no more retries
                    It then stopped.
                    ```
                    WARN we could not renew my lease
                    ```
                    The team restarted it.""";
            List<Finding> findings = checkSection("rootCause", text);
            assertThat(rule(findings, WritingChecker.FIRST_PERSON)).isEmpty();
            assertThat(findings).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"Disk I/O was high, so I restarted the pod.", "I'm on the bridge now.",
                "The pods in us-east-1 restarted and we watched them.", "The log said \"retry\" and I waited.",
                "I/O rose, and then I rolled the release back."})
        @DisplayName("R-PM-3 a pronoun beside a technical token is still flagged")
        void pronounBesideToken(String sentence) {
            List<Finding> f = rule(checkSection("rootCause", sentence), WritingChecker.FIRST_PERSON);
            assertThat(f).hasSize(1);
            assertThat(f.get(0).sentence()).isEqualTo(sentence);
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

        /** Invented paragraphs written to the rule: short sentences, common words, names where they are needed. */
        @ParameterizedTest
        @ValueSource(strings = {
                "The checkout service returned errors for twenty minutes. A new release changed the size of the "
                        + "database pool. The pool ran out of connections under load. The on-call engineer rolled "
                        + "back the release at 10:22 UTC. Errors stopped two minutes later.",
                "Search was slow for most of the morning. A nightly job filled the disk on search-db-2. The server "
                        + "then took about nine seconds to answer each query. The team removed old log files, and "
                        + "search was fast again by 11:40.",
                "Card payments failed for one buyer in ten. The card provider changed its TLS certificate at 08:00. "
                        + "The payments client did not trust the new one. The team added the new certificate and "
                        + "restarted the client.",
                "Disk I/O on db-7 hit its limit at 14:05. Writes queued up, and the API answered with errors. The "
                        + "team moved the backup job to another host. The errors stopped at 14:31.",
                "Mail to buyers stopped for an hour.",
                "The team turned the flag off."})
        @DisplayName("R-PM-3 plain paragraphs of short sentences meet the grade target in every prose section")
        void plainParagraphsPass(String paragraph) {
            for (String section : List.of("summary", "impact", "rootCause", "resolution", "wentWell", "wentBadly")) {
                assertThat(rule(checkSection(section, paragraph), WritingChecker.READING_GRADE))
                        .as("%s: grade %.1f", section, WritingChecker.readingGrade(paragraph)).isEmpty();
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "Subsequent to the deployment of the reconfigured authentication infrastructure, intermittent "
                        + "degradation of availability materialised, consequently necessitating comprehensive "
                        + "remediation activities across interdependent organisational responsibilities.",
                "The unavailability originated from an insufficiently validated configuration modification. "
                        + "Investigation ultimately determined that the monitoring apparatus inadequately "
                        + "represented the operational characteristics of the authentication subsystem.",
                "Misconfiguration precipitated unavailability."})
        @DisplayName("R-PM-3 a convoluted paragraph fails the grade target and names its hardest sentence")
        void convolutedParagraphFails(String paragraph) {
            List<Finding> f = rule(checkSection("rootCause", paragraph), WritingChecker.READING_GRADE);
            assertThat(f).hasSize(1);
            assertThat(WritingChecker.sentences(paragraph)).contains(f.get(0).sentence());
        }

        @Test
        @DisplayName("R-PM-3 names, addresses, quotes and code do not count as words")
        void technicalTokensAreNotWords() {
            assertThat(WritingChecker.words("Disk I/O on db-7 (SEV2) at https://grafana.example.org/d/x rose."))
                    .containsExactly("Disk", "on", "at", "rose");
            assertThat(WritingChecker.words("HighErrorRate fired on checkout-api, the on-call team saw it"))
                    .containsExactly("fired", "on", "checkout", "api", "the", "on", "call", "team", "saw", "it");
            assertThat(WritingChecker.readingGrade("INC-1001: \u201c[FIRING:1] HighErrorRateOnCheckoutService "
                    + "checkout-api-7 (critical) Zahlungsausfall bei \u00dcberweisungen\u201d."))
                    .isLessThanOrEqualTo(6);
            assertThat(WritingChecker.readingGrade("The job logged `ConnectionPoolExhaustedException` and "
                    + "\"unrecoverable authentication misconfiguration\" twice.")).isLessThanOrEqualTo(6);
        }

        @Test
        @DisplayName("a short section is measured as if topped up with plain prose; a long one as it stands")
        void shortSections() {
            // Two words of two syllables alone read at grade 8.8 (0.39 × 2 + 11.8 × 2 − 15.59); topped up to 30 words they read as plain text.
            assertThat(WritingChecker.grade("Checkout returns.")).isCloseTo(8.79, within());
            assertThat(WritingChecker.readingGrade("Checkout returns.")).isLessThan(6);
            String long40 = "The cat sat on the mat. ".repeat(8);
            assertThat(WritingChecker.readingGrade(long40)).isCloseTo(WritingChecker.grade(long40), within());
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
