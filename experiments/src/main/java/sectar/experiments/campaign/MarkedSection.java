package sectar.experiments.campaign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import sectar.sim.io.AtomicFiles;

/**
 * A generated block inside a hand-written markdown file: the text between a begin and an end marker
 * line is replaced, the rest kept, so the README's results section is written by {@code sectar report}
 * and its numbers are those of the summaries.
 */
public final class MarkedSection {
    public static final String BEGIN = "<!-- sectar report: begin -->", END = "<!-- sectar report: end -->";

    private MarkedSection() {}

    /** Replaces the marked block of {@code file} with {@code body} (atomically). */
    public static void replace(Path file, String body) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        AtomicFiles.writeString(file, replaced(text, body, file.toString()));
    }

    static String replaced(String text, String body, String name) {
        int b = text.indexOf(BEGIN), e = text.indexOf(END);
        if (b < 0 || e < 0 || e < b)
            throw new IllegalArgumentException(name + " needs a line " + BEGIN + " and, after it, a line " + END
                    + " around the generated section");
        if (text.indexOf(BEGIN, b + 1) >= 0) throw new IllegalArgumentException(name + " has more than one " + BEGIN);
        String inner = body.endsWith("\n") ? body : body + "\n";
        return text.substring(0, b + BEGIN.length()) + "\n" + inner + text.substring(e);
    }
}
