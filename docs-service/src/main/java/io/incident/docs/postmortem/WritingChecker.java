package io.incident.docs.postmortem;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * R-PM-3: checks a postmortem against the writing rules. Every finding names the rule, the section, the sentence
 * and a suggested fix, so the writer can act on it without knowing the rules by heart. Pure and framework-free.
 *
 * <p>The checks are heuristics, like any style checker's: passive voice is a form of "to be" followed by a past
 * participle, and the reading grade is the Flesch–Kincaid formula with syllables counted by vowel groups. They read
 * only the writer's own prose: quotations, code and technical names are masked or skipped, because a checker that
 * flags "disk I/O" as first person or a service's name as a long word is one people switch off.
 */
public final class WritingChecker {

    public static final String FIRST_PERSON = "first-person";
    public static final String PASSIVE_VOICE = "passive-voice";
    public static final String BLAME = "blame";
    public static final String CASUAL = "casual";
    public static final String READING_GRADE = "reading-grade";
    public static final String TIMELINE_MARKERS = "timeline-markers";
    public static final String EMPTY_SECTION = "empty-section";

    /** One problem: {@code sentence} is null when the finding is about something missing from a section. */
    public record Finding(String rule, String section, String sentence, String suggestion) {
    }

    /** The section that holds the timeline: it must mark the outage and the incident, and is not prose. */
    public static final String TIMELINE_SECTION = "timeline";
    /** Sections of lessons learned, where passive voice is allowed ("mistakes were made" names no one). */
    public static final Set<String> LESSONS_SECTIONS = Set.of("wentWell", "wentBadly");
    /** Sections that are lists rather than prose; reading grade is measured on prose only. */
    private static final Set<String> LIST_SECTIONS = Set.of(TIMELINE_SECTION, "actionItems");
    public static final List<String> TIMELINE_MARKER_PHRASES = List.of("Incident start", "Outage start",
            "Outage end", "Incident end");

    /**
     * First-person pronouns as words of prose: lower case or capitalised (all capitals are acronyms: "US", "ME"),
     * and not joined to a technical token. A pronoun touching a slash, hyphen, underscore, '@', or a dot or colon
     * followed by more token ("I/O", "us-east-1", "my_flag", "we.example.org") is part of a name, not the writer.
     */
    private static final Pattern FIRST_PERSON_WORDS = Pattern.compile(
            "(?<![\\p{L}\\p{N}_/\\\\@.:-])(?:I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself|[Ww]e|[Oo]ur|[Oo]urs|[Oo]urselves|[Uu]s)"
                    + "(?![\\p{L}\\p{N}_/\\\\@-]|[.:][\\p{L}\\p{N}])");
    /**
     * What is not the writer's own prose and is masked before any rule reads the text: code spans, text in double
     * quotes (a quoted log line, an alert's title, what someone said), and Markdown blockquote lines. Fenced code
     * blocks are masked separately, since they span lines.
     */
    private static final Pattern QUOTED = Pattern.compile("`[^`\\n]*`|\"[^\"\\n]*\"|\u201c[^\u201d\\n]*\u201d"
            + "|(?m)^[ \\t]*>.*$");
    private static final Pattern FENCE = Pattern.compile("(?ms)^[ \\t]*```.*?(?:^[ \\t]*```[^\\n]*$|\\z)");
    /** Stands in for each masked character, so sentence positions in the masked text match the original. */
    private static final char MASK = '\u2591';
    private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?])\\s+|\\R+");
    /**
     * A section shorter than this many prose words is too small a sample for the grade formula (built on 100-word
     * samples): one long word in a one-line summary would decide it. Such a section is measured as if topped up to
     * this length with average plain prose, so its own words still move the grade but cannot alone fail it.
     */
    static final int SAMPLE_WORDS = 30;
    /** Plain prose for the top-up: ten words a sentence, 1.4 syllables a word (grade 4.8). */
    private static final double PLAIN_WORDS_PER_SENTENCE = 10;
    private static final double PLAIN_SYLLABLES_PER_WORD = 1.4;
    private static final String IRREGULAR_PARTICIPLES = "made|done|given|taken|seen|known|shown|sent|built|found|"
            + "lost|kept|left|put|set|run|written|broken|chosen|driven|forgotten|hidden|held|paid|told|brought|"
            + "caught|begun|drawn|heard|hit|hurt|led|meant|missed|overlooked|shut|spent|struck|understood|cut|"
            + "thrown|undone|rolled back|taken down|brought down";
    private static final Pattern PASSIVE = Pattern.compile("\\b(?i:am|is|are|was|were|be|been|being|got|get|gets)"
            + "\\s+(?:(?i:not)\\s+)?(?:\\w+ly\\s+)?(\\w+ed|" + IRREGULAR_PARTICIPLES + ")\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LESSONS_LEARNED = Pattern.compile("(?i)\\blessons?\\s+(?:were\\s+|was\\s+)?learn");
    private static final Map<String, String> BLAME_WORDS = Map.ofEntries(
            Map.entry("blame", "Describe what happened and what allowed it; leave out who is at fault."),
            Map.entry("blamed", "Describe what happened and what allowed it; leave out who is at fault."),
            Map.entry("fault", "Name the condition that allowed the failure instead of a person's fault."),
            Map.entry("careless", "State the missing safeguard instead of judging a person."),
            Map.entry("carelessly", "State the missing safeguard instead of judging a person."),
            Map.entry("negligent", "State the missing safeguard instead of judging a person."),
            Map.entry("negligence", "State the missing safeguard instead of judging a person."),
            Map.entry("stupid", "Describe the action and its effect in neutral words."),
            Map.entry("dumb", "Describe the action and its effect in neutral words."),
            Map.entry("incompetent", "Describe the action and its effect in neutral words."),
            Map.entry("sloppy", "Describe the gap in the process in neutral words."),
            Map.entry("lazy", "Describe the gap in the process in neutral words."),
            Map.entry("reckless", "Describe the action and its effect in neutral words."),
            Map.entry("irresponsible", "Describe the action and its effect in neutral words."),
            Map.entry("mistake", "Say what happened and what allowed it, not that someone made a mistake."),
            Map.entry("obviously", "Drop the judgement; state the fact and its evidence."),
            Map.entry("clearly", "Drop the judgement; state the fact and its evidence."),
            Map.entry("simply", "Drop the word; what is simple in hindsight was not at the time."),
            Map.entry("just", "Drop the word; it judges the effort or the cause as small."),
            Map.entry("human error", "Name the conditions that made the error possible; people are not a root cause."),
            Map.entry("should have", "Say what the process will do next time, not what a person should have done."),
            Map.entry("failed to", "Say what did not happen and why, without judging who did not do it."),
            Map.entry("messed up", "Say what changed and its effect in neutral words."),
            Map.entry("screwed up", "Say what changed and its effect in neutral words."));
    private static final Map<String, String> CASUAL_WORDS = Map.ofEntries(
            Map.entry("gonna", "going to"), Map.entry("wanna", "want to"), Map.entry("gotta", "must"),
            Map.entry("kinda", "a precise amount or drop it"), Map.entry("sorta", "a precise amount or drop it"),
            Map.entry("stuff", "the precise thing (requests, files, records)"),
            Map.entry("ok", "working or accepted"), Map.entry("okay", "working or accepted"),
            Map.entry("lol", "nothing: leave it out"), Map.entry("yeah", "yes"), Map.entry("yep", "yes"),
            Map.entry("nope", "no"), Map.entry("awesome", "a precise word such as fast or helpful"),
            Map.entry("cool", "a precise word"), Map.entry("super", "very, or a number"),
            Map.entry("basically", "nothing: leave it out"), Map.entry("pretty much", "almost, or a number"),
            Map.entry("a bunch of", "a number"), Map.entry("a ton of", "a number"), Map.entry("guys", "the team"),
            Map.entry("folks", "the team or the users"), Map.entry("btw", "nothing: leave it out"),
            Map.entry("fyi", "nothing: leave it out"), Map.entry("asap", "a time"),
            Map.entry("tbh", "nothing: leave it out"), Map.entry("imo", "the evidence"),
            Map.entry("blew up", "failed, with what failed"), Map.entry("crazy", "a number or a precise word"),
            Map.entry("insane", "a number or a precise word"), Map.entry("hacky", "temporary"),
            Map.entry("freaked out", "raised an alert"));

    private final double maxGrade;
    private final List<Pattern> blamePatterns;
    private final List<Pattern> casualPatterns;

    public WritingChecker(double maxGrade) {
        this.maxGrade = maxGrade;
        this.blamePatterns = BLAME_WORDS.keySet().stream().sorted().map(WritingChecker::wordPattern).toList();
        this.casualPatterns = CASUAL_WORDS.keySet().stream().sorted().map(WritingChecker::wordPattern).toList();
    }

    /** @param sections section name to text, in the order the findings should follow */
    public List<Finding> check(Map<String, String> sections) {
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, String> section : sections.entrySet()) {
            String name = section.getKey();
            String text = section.getValue() == null ? "" : section.getValue();
            if (text.isBlank()) {
                findings.add(new Finding(EMPTY_SECTION, name, null, "Write the " + name + " section: a postmortem "
                        + "covers every part of the template (R-PM-3: comprehensive)."));
                continue;
            }
            List<Sentence> sentences = proseSentences(text);
            for (Sentence sentence : sentences) {
                checkSentence(name, sentence, findings);
            }
            if (!LIST_SECTIONS.contains(name)) {
                checkGrade(name, sentences, findings);
            }
            if (name.equals(TIMELINE_SECTION)) {
                checkMarkers(text, findings);
            }
        }
        return findings;
    }

    /** A sentence as written ({@code text}, what findings quote) and as the rules read it (quotes masked). */
    record Sentence(String text, String prose) {
    }

    private void checkSentence(String section, Sentence s, List<Finding> findings) {
        String prose = s.prose();
        Matcher first = FIRST_PERSON_WORDS.matcher(prose);
        if (first.find()) {
            findings.add(new Finding(FIRST_PERSON, section, s.text(), "Write in the third person: replace '"
                    + first.group() + "' with the team, service or role that acted."));
        }
        if (!LESSONS_SECTIONS.contains(section) && !LESSONS_LEARNED.matcher(prose).find()) {
            Matcher passive = PASSIVE.matcher(prose);
            if (passive.find()) {
                findings.add(new Finding(PASSIVE_VOICE, section, s.text(), "Use the active voice: say who or what "
                        + "did it instead of '" + passive.group() + "' (for example 'The deploy job restarted the "
                        + "database')."));
            }
        }
        for (Pattern p : blamePatterns) {
            Matcher m = p.matcher(prose);
            if (m.find()) {
                findings.add(new Finding(BLAME, section, s.text(), "Avoid '" + m.group() + "': "
                        + BLAME_WORDS.get(m.group().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "))));
            }
        }
        for (Pattern p : casualPatterns) {
            Matcher m = p.matcher(prose);
            if (m.find()) {
                findings.add(new Finding(CASUAL, section, s.text(), "Replace the casual '" + m.group() + "' with "
                        + CASUAL_WORDS.get(m.group().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")) + "."));
            }
        }
    }

    private void checkGrade(String section, List<Sentence> sentences, List<Finding> findings) {
        double grade = readingGrade(sentences.stream().map(Sentence::prose).toList());
        if (grade <= maxGrade) {
            return;
        }
        // The sentence that raises the grade most, measured the same way as the section.
        String hardest = sentences.stream()
                .max(Comparator.comparingDouble(s -> readingGrade(List.of(s.prose()))))
                .map(Sentence::text).orElse(null);
        findings.add(new Finding(READING_GRADE, section, hardest, String.format(Locale.ROOT, "The %s section reads "
                + "at grade %.1f; the target is %.0f or lower. Split long sentences and use shorter words, starting "
                + "with this one.", section, grade, maxGrade)));
    }

    private static void checkMarkers(String text, List<Finding> findings) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String marker : TIMELINE_MARKER_PHRASES) {
            if (!lower.contains(marker.toLowerCase(Locale.ROOT))) {
                findings.add(new Finding(TIMELINE_MARKERS, TIMELINE_SECTION, null, "Mark the " + marker.toLowerCase(
                        Locale.ROOT) + " in the timeline: add a line '" + marker + ": <time in UTC>'."));
            }
        }
    }

    /**
     * The grade a section is held to: Flesch–Kincaid over its prose words, a short section topped up to
     * {@link #SAMPLE_WORDS} words with plain prose.
     */
    public static double readingGrade(String text) {
        return readingGrade(proseSentences(text).stream().map(Sentence::prose).toList());
    }

    private static double readingGrade(List<String> prose) {
        double words = 0;
        double syllables = 0;
        double sentences = 0;
        for (String sentence : prose) {
            List<String> w = words(sentence);
            if (!w.isEmpty()) {
                sentences++;
                words += w.size();
                syllables += w.stream().mapToInt(WritingChecker::syllables).sum();
            }
        }
        if (words == 0) {
            return 0;
        }
        double topUp = Math.max(0, SAMPLE_WORDS - words);
        words += topUp;
        syllables += topUp * PLAIN_SYLLABLES_PER_WORD;
        sentences += topUp / PLAIN_WORDS_PER_SENTENCE;
        return fleschKincaid(words, sentences, syllables);
    }

    /** Flesch–Kincaid grade level of the prose words as they stand (no top-up). */
    public static double grade(String text) {
        double words = 0;
        double syllables = 0;
        double sentences = 0;
        for (Sentence s : proseSentences(text)) {
            List<String> w = words(s.prose());
            if (!w.isEmpty()) {
                sentences++;
                words += w.size();
                syllables += w.stream().mapToInt(WritingChecker::syllables).sum();
            }
        }
        return words == 0 ? 0 : fleschKincaid(words, sentences, syllables);
    }

    /** 0.39 × words per sentence + 11.8 × syllables per word − 15.59. */
    private static double fleschKincaid(double words, double sentences, double syllables) {
        return 0.39 * words / sentences + 11.8 * syllables / words - 15.59;
    }

    /** Sentences end at '.', '!' or '?' followed by a space, or at a line break (list items, timeline lines). */
    public static List<String> sentences(String text) {
        return proseSentences(text).stream().map(Sentence::text).toList();
    }

    /**
     * Splits the masked text, so a full stop inside a code span or a quote does not end a sentence, and quotes each
     * sentence from the original. A sentence that is all quotation has no prose for the rules to read.
     */
    static List<Sentence> proseSentences(String text) {
        String masked = mask(text);
        List<Sentence> sentences = new ArrayList<>();
        Matcher breaks = SENTENCE_BREAK.matcher(masked);
        int start = 0;
        while (start <= masked.length()) {
            boolean found = breaks.find();
            int end = found ? breaks.start() : masked.length();
            String original = text.substring(start, end).strip();
            String prose = masked.substring(start, end).strip();
            if (original.chars().anyMatch(Character::isLetter)) {
                sentences.add(new Sentence(original.replaceFirst("^[-*\u2022]\\s+", ""),
                        prose.replaceFirst("^[-*\u2022]\\s+", "")));
            }
            if (!found) {
                break;
            }
            start = breaks.end();
        }
        return sentences;
    }

    /** The text with code, quotes and blockquotes replaced, character for character, by {@link #MASK}. */
    static String mask(String text) {
        StringBuilder masked = new StringBuilder(text);
        for (Pattern p : List.of(FENCE, QUOTED)) {
            Matcher m = p.matcher(masked.toString());
            while (m.find()) {
                for (int i = m.start(); i < m.end(); i++) {
                    if (masked.charAt(i) != '\n' && masked.charAt(i) != '\r') {
                        masked.setCharAt(i, MASK);
                    }
                }
            }
        }
        return masked.toString();
    }

    /**
     * The words a reader reads as language. Names and technical tokens are left out: the writer cannot choose a
     * shorter word for "HighErrorRate", "checkout-api-7", "SEV2", "DNS", "I/O" or a web address, so they neither
     * lengthen sentences nor add syllables. A plain hyphenated word ("on-call", "roll-out") counts as its parts.
     */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String token : text.split("\\s+")) {
            String t = EDGE_PUNCTUATION.matcher(token).replaceAll("");
            if (t.isEmpty() || technical(t)) {
                continue;
            }
            for (String part : t.split("-")) {
                if (part.matches("\\p{L}+(?:['\u2019]\\p{L}+)?")) {
                    words.add(part);
                }
            }
        }
        return words;
    }

    private static final Pattern EDGE_PUNCTUATION = Pattern.compile(
            "^[\\p{Punct}\u2018\u2019\u201c\u201d]+|[\\p{Punct}\u2018\u2019\u201c\u201d]+$");
    private static final Pattern TECHNICAL = Pattern.compile(
            ".*[\\p{N}_/\\\\@=<>#{}\\[\\]].*"           // numbers, paths, addresses, markup
                    + "|.*\\p{L}[.:]\\p{L}.*"               // host.names, key:value, i.e.
                    + "|.*\\p{Ll}\\p{Lu}.*"                 // camelCase and CamelCase names
                    + "|\\p{Lu}{2,}s?");                     // acronyms: DNS, API, APIs

    private static boolean technical(String token) {
        return TECHNICAL.matcher(token).matches();
    }

    /** Vowel groups, less a silent final 'e'; every word has at least one. */
    public static int syllables(String word) {
        // Accents are dropped so that a word in another language ("Überweisungen") counts by its vowels too.
        String w = Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (w.isEmpty()) {
            return 0;
        }
        int count = 0;
        boolean previousVowel = false;
        for (int i = 0; i < w.length(); i++) {
            boolean vowel = "aeiouy".indexOf(w.charAt(i)) >= 0;
            if (vowel && !previousVowel) {
                count++;
            }
            previousVowel = vowel;
        }
        if (w.length() > 2 && w.endsWith("e") && !w.endsWith("le") && !w.endsWith("ee") && count > 1) {
            count--;
        }
        // A final "-ed" or "-es" is silent unless a sound before it needs the vowel: "fired", "minutes" against
        // "started", "boxes", "changes".
        if (w.length() > 3 && w.endsWith("ed") && !w.endsWith("ted") && !w.endsWith("ded") && count > 1) {
            count--;
        }
        if (w.length() > 3 && w.endsWith("es") && count > 1
                && !w.matches(".*(?:s|x|z|ch|sh|c|g)es")) {
            count--;
        }
        return Math.max(1, count);
    }

    private static Pattern wordPattern(String phrase) {
        return Pattern.compile("\\b" + phrase.replace(" ", "\\s+") + "\\b", Pattern.CASE_INSENSITIVE);
    }
}
