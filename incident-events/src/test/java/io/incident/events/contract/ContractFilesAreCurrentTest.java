package io.incident.events.contract;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checked-in schemas and AsyncAPI document are what consumers read, so they must be exactly what the records
 * generate. Run first (see junit-platform.properties) so that, in update mode, the other contract tests already
 * see the rewritten files.
 */
@Order(1)
class ContractFilesAreCurrentTest {

    private static final boolean UPDATE = Boolean.getBoolean(ContractFiles.UPDATE_PROPERTY);

    @Test
    void checkedInContractFilesAreWhatTheRecordsGenerate() throws IOException {
        Map<String, String> generated = ContractFiles.generate();
        Path module = ContractFiles.moduleDir();

        List<String> outdated = new ArrayList<>();
        for (Map.Entry<String, String> file : generated.entrySet()) {
            Optional<String> checkedIn = ContractFiles.readCheckedIn(file.getKey());
            if (checkedIn.isEmpty()) {
                outdated.add(file.getKey() + " (missing)");
            } else if (!checkedIn.get().equals(file.getValue())) {
                outdated.add(file.getKey() + " (" + firstDifference(checkedIn.get(), file.getValue()) + ")");
            }
        }
        // A schema left behind by a removed or renamed event would keep advertising an event nobody sends.
        List<String> leftOver = new ArrayList<>();
        Path schemaDir = module.resolve(ContractFiles.SCHEMA_DIR);
        if (Files.isDirectory(schemaDir)) {
            try (Stream<Path> files = Files.list(schemaDir)) {
                files.map(f -> ContractFiles.SCHEMA_DIR + "/" + f.getFileName())
                        .filter(f -> !generated.containsKey(f))
                        .sorted()
                        .forEach(leftOver::add);
            }
        }

        if (UPDATE) {
            for (Map.Entry<String, String> file : generated.entrySet()) {
                Path target = module.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
            for (String file : leftOver) {
                Files.delete(module.resolve(file));
            }
            System.out.println("Contract files changed: " + outdated + "; deleted: " + leftOver);
            return;
        }

        assertThat(outdated)
                .withFailMessage("Contract files are out of date with the event records:%n  %s%n"
                                + "Regenerate them with:%n  %s%nand review the diff: a removed, renamed or retyped"
                                + " field breaks consumers and needs a new event version (.v2).",
                        String.join("\n  ", outdated), ContractFiles.UPDATE_COMMAND)
                .isEmpty();
        assertThat(leftOver)
                .withFailMessage("Schemas of events no longer in the catalogue:%n  %s%nDelete them with:%n  %s",
                        String.join("\n  ", leftOver), ContractFiles.UPDATE_COMMAND)
                .isEmpty();
    }

    @Test
    void generationIsDeterministic() {
        // Otherwise the current-files check would flap between runs (say, on hash-ordered maps).
        assertThat(ContractFiles.generate()).isEqualTo(ContractFiles.generate());
    }

    /** Where two texts part, so the failure points at the line to look at. */
    private static String firstDifference(String checkedIn, String generated) {
        String[] a = checkedIn.split("\n", -1);
        String[] b = generated.split("\n", -1);
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (!a[i].equals(b[i])) {
                return "line " + (i + 1) + ": checked in '" + a[i].strip() + "', generated '" + b[i].strip() + "'";
            }
        }
        return "checked in has " + a.length + " lines, generated has " + b.length;
    }
}
