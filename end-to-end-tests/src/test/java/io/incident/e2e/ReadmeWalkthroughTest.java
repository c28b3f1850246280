package io.incident.e2e;

import io.incident.local.Service;
import io.incident.local.Stack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's walkthrough, run as written against a started stack, so a step that stops working fails the build.
 * Each {@code bash} block of the "Walkthrough" section runs in one bash session, in order, with three stand-ins:
 * the default ports become the stack's ports, {@code ./stack token ...} prints a token signed with the stack's key
 * ({@code ./stack up} and {@code ./stack consume} blocks, and {@code psql}, are left out), and {@code curl} records
 * each answer's status and replaces {@code <id>} with the incident id of the latest answer that named one, as a
 * reader would. A block passes when every answer is 2xx, or carries the status its {@code # {...}} comment shows,
 * and has every JSON key that comment shows.
 */
class ReadmeWalkthroughTest {

    private static final Path README = Stacks.ROOT.resolve("README.md");
    private static final Pattern TOKEN = Pattern.compile("\\./stack token ([a-z0-9 -]+)");
    private static final Pattern KEY = Pattern.compile("\"([A-Za-z]+)\":");
    private static final Pattern STATUS = Pattern.compile("\"status\":(\\d{3})");
    private static final Set<String> SKIPPED = Set.of("./stack up", "./stack consume", "psql");

    private static Stack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = Stacks.start("incident-readme");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    record Block(int line, String code, List<String> expectedKeys, Integer expectedStatus) {
    }

    @Test
    @DisplayName("the README walkthrough works as written: a report, its document, paging setup, a page, the acknowledgement")
    void walkthrough() throws Exception {
        List<Block> blocks = walkthroughBlocks(Files.readString(README));
        assertThat(blocks).as("runnable blocks in the README's Walkthrough").hasSizeGreaterThanOrEqualTo(5);
        Path work = Files.createTempDirectory("incident-readme-shell");
        Path tokens = work.resolve("tokens.tsv");
        Path answers = work.resolve("answers.log");
        Files.writeString(tokens, tokenTable(blocks));

        StringBuilder script = new StringBuilder(prelude(tokens, answers));
        for (int i = 0; i < blocks.size(); i++) {
            script.append("echo 'BLOCK ").append(i).append("' >> \"$ANSWERS\"\n")
                    .append("echo '=== BLOCK ").append(i).append("'\n")
                    .append(withStackPorts(blocks.get(i).code())).append('\n');
        }
        Path file = work.resolve("walkthrough.sh");
        Files.writeString(file, script);
        Process bash = new ProcessBuilder("bash", file.toString()).directory(Stacks.ROOT.toFile())
                .redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(5, TimeUnit.MINUTES)).isTrue();
        System.out.println(output);
        assertThat(bash.exitValue()).as("the walkthrough's shell\n" + output).isZero();

        Map<Integer, List<String>> statusesByBlock = statuses(Files.readAllLines(answers));
        String[] outputs = output.split("=== BLOCK \\d+\n", -1);
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            String blockOutput = outputs[i + 1];
            List<String> codes = statusesByBlock.getOrDefault(i, List.of());
            assertThat(codes).as("README line %d: every curl answered", block.line()).isNotEmpty();
            for (String code : codes) {
                if (block.expectedStatus() != null) {
                    assertThat(code).as("README line %d: %s", block.line(), blockOutput)
                            .isEqualTo(String.valueOf(block.expectedStatus()));
                } else {
                    assertThat(code).as("README line %d answered %s:\n%s", block.line(), code, blockOutput)
                            .startsWith("2");
                }
            }
            for (String key : block.expectedKeys()) {
                assertThat(blockOutput).as("README line %d shows the key %s", block.line(), key)
                        .contains("\"" + key + "\":");
            }
        }

        // "Ana gets the page by e-mail": the page for the second report reached her mailbox.
        await("Ana's page in the mail sink").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(stack.mail().messages()).anySatisfy(m ->
                        assertThat(String.valueOf(m.get("to"))).contains("ana@example.org")));
    }

    /** The bash blocks between "## Walkthrough" and the next section, without those that start or tail the stack. */
    static List<Block> walkthroughBlocks(String readme) {
        String[] lines = readme.split("\n", -1);
        List<Block> blocks = new ArrayList<>();
        boolean inWalkthrough = false;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("## ")) {
                inWalkthrough = lines[i].equals("## Walkthrough");
            } else if (inWalkthrough && lines[i].equals("```bash")) {
                int start = i + 1;
                StringBuilder code = new StringBuilder();
                List<String> keys = new ArrayList<>();
                Integer status = null;
                for (i = start; i < lines.length && !lines[i].equals("```"); i++) {
                    code.append(lines[i]).append('\n');
                    if (lines[i].startsWith("# {")) {
                        Matcher k = KEY.matcher(lines[i]);
                        Set<String> found = new LinkedHashSet<>();
                        while (k.find()) {
                            found.add(k.group(1));
                        }
                        keys.addAll(found);
                        Matcher s = STATUS.matcher(lines[i]);
                        if (s.find()) {
                            status = Integer.parseInt(s.group(1));
                        }
                    }
                }
                String first = code.toString().strip();
                if (SKIPPED.stream().noneMatch(first::startsWith)) {
                    blocks.add(new Block(start, code.toString(), keys, status));
                }
            }
        }
        return blocks;
    }

    private static String tokenTable(List<Block> blocks) {
        StringBuilder table = new StringBuilder();
        Set<String> seen = new LinkedHashSet<>();
        for (Block block : blocks) {
            Matcher m = TOKEN.matcher(block.code());
            while (m.find()) {
                String args = m.group(1).strip();
                if (seen.add(args)) {
                    String[] parts = args.split("\\s+");
                    String token = stack.tokens().token(parts[0], java.util.Arrays.copyOfRange(parts, 1, parts.length));
                    table.append(args).append('\t').append(token).append('\n');
                }
            }
        }
        return table.toString();
    }

    /** The stand-ins for {@code ./stack} and {@code curl}; see the class comment. */
    private static String prelude(Path tokens, Path answers) {
        return """
                set -euo pipefail
                TOKENS='%s'
                ANSWERS='%s'
                LAST_ID=''
                function ./stack {
                  if [ "$1" = token ]; then shift; awk -F'\\t' -v k="$*" '$1 == k { print $2 }' "$TOKENS"
                  else echo "left out of the test: ./stack $*" >&2; fi
                }
                curl() {
                  local args=("${@//README_INCIDENT_ID/$LAST_ID}") out code body id tries=0
                  while :; do
                    out=$(command curl -sS -w '\\n%%{http_code}' "${args[@]}")
                    code=${out##*$'\\n'}; body=${out%%$'\\n'*}
                    # The README's reader waits for what "appears within a second"; a test does so for 404 only.
                    if [ "$code" != 404 ] || [ $tries -ge 30 ]; then break; fi
                    tries=$((tries + 1)); sleep 0.5
                  done
                  printf '%%s\\n' "$body"
                  echo "$code" >> "$ANSWERS"
                  id=$(printf '%%s' "$body" | sed -n 's/.*"incidentId":"\\([0-9a-f-]\\{36\\}\\)".*/\\1/p' | head -1)
                  if [ -n "$id" ]; then LAST_ID=$id; fi
                }
                """.formatted(tokens, answers);
    }

    private static String withStackPorts(String code) {
        String out = code;
        for (Service service : Service.values()) {
            String url = stack.url(service).replaceFirst("^https?://", "");
            out = out.replace("localhost:" + service.defaultPort(), url);
        }
        // <id> is for the reader to replace; unquoted, bash would read it as a redirection.
        return out.replace("localhost:8025", "localhost:" + stack.mail().webPort()).replace("<id>", "README_INCIDENT_ID");
    }

    private static Map<Integer, List<String>> statuses(List<String> log) {
        Map<Integer, List<String>> byBlock = new java.util.TreeMap<>();
        int block = -1;
        for (String line : log) {
            if (line.startsWith("BLOCK ")) {
                block = Integer.parseInt(line.substring(6).strip());
                byBlock.put(block, new ArrayList<>());
            } else if (!line.isBlank()) {
                byBlock.get(block).add(line.strip());
            }
        }
        return byBlock;
    }
}
