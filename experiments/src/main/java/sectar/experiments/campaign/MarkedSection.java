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
        AtomicFiles.writeString(file, replaced(read(file), body, file.toString()));
    }

    static String replaced(String text, String body, String name) {
        int[] at = markers(text, name);
        String inner = body.endsWith("\n") ? body : body + "\n";
        return text.substring(0, at[0] + BEGIN.length()) + "\n" + inner + text.substring(at[1]);
    }

    /** The text between the markers of {@code file}, checking them first (a user error when they are missing or repeated). */
    public static String block(Path file) {
        String text = read(file);
        int[] at = markers(text, file.toString());
        return text.substring(at[0] + BEGIN.length() + 1, at[1]);
    }

    /** Fails (a user error) unless {@code file} is readable and has exactly one pair of marker lines. */
    public static void check(Path file) { markers(read(file), file.toString()); }

    /** What {@link #block} returns after {@link #replace} with {@code body}. */
    public static String asBlock(String body) { return body.endsWith("\n") ? body : body + "\n"; }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Where the begin and the end marker lines start. */
    private static int[] markers(String text, String name) {
        // markers count only as whole lines, so prose may quote them
        int b = lineAt(text, BEGIN, 0), e = b < 0 ? -1 : lineAt(text, END, b);
        if (b < 0 || e < 0)
            throw new IllegalArgumentException(name + " needs a line " + BEGIN + " and, after it, a line " + END
                    + " around the generated section");
        if (lineAt(text, BEGIN, b + 1) >= 0) throw new IllegalArgumentException(name + " has more than one line " + BEGIN);
        return new int[] {b, e};
    }

    /** Where {@code marker} stands alone on a line at or after {@code from}, or -1. */
    private static int lineAt(String text, String marker, int from) {
        for (int i = text.indexOf(marker, from); i >= 0; i = text.indexOf(marker, i + 1)) {
            boolean starts = i == 0 || text.charAt(i - 1) == '\n';
            int end = i + marker.length();
            boolean ends = end == text.length() || text.charAt(end) == '\n';
            if (starts && ends) return i;
        }
        return -1;
    }
}
