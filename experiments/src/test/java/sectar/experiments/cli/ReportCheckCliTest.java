package sectar.experiments.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sectar.experiments.campaign.MarkedSection;
import sectar.experiments.campaign.Summary;

/**
 * {@code sectar report --check}: the README's generated block and the committed summaries are what the
 * committed run folders produce, and an edit to either is caught.
 */
class ReportCheckCliTest {
    private static final Path REPO = Path.of("..");
    private static final List<String> TASKS = List.of("waypoint", "block", "wheeled", "swimmer");

    @Test
    void theReadmesResultsBlockIsWhatTheCommittedRunFoldersProduce() {
        String[] args = Stream.concat(Stream.of("report"), Stream.concat(TASKS.stream().map(t -> REPO.resolve("results").resolve(t).toString()),
                Stream.of("--check", REPO.resolve("README.md").toString()))).toArray(String[]::new);
        CliTest.Result r = CliTest.run(args);
        assertEquals(0, r.code(), "regenerate it with `sectar report results/waypoint results/block results/wheeled results/swimmer "
                + "--readme README.md`:\n" + r.err());
        assertTrue(r.out().startsWith("ok: 4 summary.csv files match"), r.out());
    }

    @Test
    void anEditedSummaryOrBlockFailsTheCheck(@TempDir Path tmp) throws IOException {
        Path campaign = tmp.resolve("results/waypoint");
        copyTree(REPO.resolve("results/waypoint"), campaign);
        Path readme = tmp.resolve("README.md");
        Files.writeString(readme, "# results\n" + MarkedSection.BEGIN + "\n" + MarkedSection.END + "\n");
        assertEquals(0, CliTest.run("report", campaign.toString(), "--reps", "200", "--readme", readme.toString()).code());
        assertEquals(0, CliTest.run("report", campaign.toString(), "--reps", "200", "--check", readme.toString()).code());

        String good = Files.readString(readme);
        Files.writeString(readme, good.replace("| sectar |", "| sectar (edited) |"));
        CliTest.Result block = CliTest.run("report", campaign.toString(), "--reps", "200", "--check", readme.toString());
        assertEquals(1, block.code(), block.out());
        assertTrue(block.err().contains("generated block differs") && block.err().contains("sectar (edited)"), block.err());
        Files.writeString(readme, good);

        Path summary = campaign.resolve(Summary.FILE);
        List<String> lines = Files.readAllLines(summary);
        String[] cells = lines.get(1).split(",", -1);
        cells[6] = "9.5"; // the first run's final return
        lines.set(1, String.join(",", cells));
        Files.write(summary, lines);
        CliTest.Result edited = CliTest.run("report", campaign.toString(), "--reps", "200", "--check", readme.toString());
        assertEquals(1, edited.code(), edited.out());
        assertTrue(edited.err().contains(summary + " line 2") && edited.err().contains("its run folder gives"), edited.err());
        assertTrue(edited.err().contains("generated block differs"), "the block built from the edited summary differs too: " + edited.err());

        CliTest.assertUserError(CliTest.run("report", campaign.toString(), "--check", tmp.resolve("none.md").toString()), "none.md");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
