package sectar.experiments.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The text side of {@link MetricsCsv}: splitting lines, formatting cells, parsing numbers. */
final class MetricsText {
    private MetricsText() {}

    /**
     * A parsed file.
     *
     * @param header   column names (empty for an empty file)
     * @param rows     complete rows, each with exactly {@code header.size()} cells
     * @param tornTail whether an unterminated last line was dropped
     * @param text     the file's text without that fragment
     */
    record Lines(List<String> header, List<String[]> rows, boolean tornTail, String text) {}

    static Lines load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        int end = text.lastIndexOf('\n') + 1;
        boolean torn = end < text.length();
        String complete = text.substring(0, end);
        if (complete.isEmpty()) return new Lines(List.of(), List.of(), torn, complete);
        String[] lines = complete.split("\n", -1); // last element is the empty string after the final newline
        List<String> header = List.of(lines[0].split(",", -1));
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.length - 1; i++) {
            String[] cells = lines[i].split(",", -1);
            if (cells.length != header.size())
                throw new IllegalArgumentException(file + " line " + (i + 1) + " has " + cells.length + " cells, the header has "
                        + header.size());
            rows.add(cells);
        }
        return new Lines(header, rows, torn, complete);
    }

    /** A cell's text: numbers in Java's round-trip form ("NaN", "Infinity" included), booleans as 1/0. */
    static String format(String column, Object value) {
        if (value == null) throw new IllegalArgumentException("column '" + column + "' has a null value");
        if (value instanceof Boolean b) return b ? "1" : "0";
        if (value instanceof Number || value instanceof CharSequence) {
            String s = value.toString();
            checkCell(s, "value of column '" + column + "'", true);
            return s;
        }
        throw new IllegalArgumentException("column '" + column + "' must hold a number, boolean or string, got "
                + value.getClass().getName());
    }

    static void checkCell(String s, String what, boolean allowEmpty) {
        if (s.isEmpty() && !allowEmpty) throw new IllegalArgumentException(what + " must not be empty");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '\n' || c == '\r' || c == '"')
                throw new IllegalArgumentException(what + " '" + s + "' must not contain a comma, quote or line break");
        }
    }

    /** A cell as a double: numbers, NaN/nan, (+/-)inf/Infinity; empty or other text is NaN. */
    static double parse(String cell) {
        String s = cell.trim();
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            switch (s.toLowerCase(Locale.ROOT)) {
                case "inf", "+inf", "infinity", "+infinity" -> { return Double.POSITIVE_INFINITY; }
                case "-inf", "-infinity" -> { return Double.NEGATIVE_INFINITY; }
                case "true" -> { return 1; }
                case "false" -> { return 0; }
                default -> { return Double.NaN; }
            }
        }
    }
}
