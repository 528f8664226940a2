package sectar.experiments.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import sectar.sim.Space;

/**
 * Reads a CSV of actions, one step per line. Without a header every line is one action: one integer
 * index for a {@code Discrete} space, one number per dimension for a {@code Box}. A first line that
 * is not all numbers is a header; then the action is read from the column {@code action} (discrete)
 * or {@code action0, action1, ...} (box), other columns are ignored, and a line whose action cells
 * are all empty is skipped, so a trace's own output replays as its actions. A bad action is one line
 * naming the line, the step and the value.
 */
public final class ActionsCsv {
    private ActionsCsv() {}

    /** The action columns' names for {@code space}, as a trace writes them. */
    public static List<String> columns(Space space) {
        if (space instanceof Space.Discrete) return List.of("action");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < space.dim(); i++) names.add("action" + i);
        return names;
    }

    /** The actions of {@code file} for {@code space}, validated against it. */
    public static List<double[]> read(Path file, Space space) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read actions file " + file + ": " + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
        }
        return parse(lines, space, file.toString());
    }

    /** As {@link #read}, from lines already in memory; {@code source} names them in messages. */
    public static List<double[]> parse(List<String> lines, Space space, String source) {
        int[] columns = null; // null: every cell is an action value
        List<double[]> actions = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) continue;
            String[] cells = line.split(",", -1);
            if (columns == null && actions.isEmpty() && !allNumbers(cells)) {
                columns = header(cells, space, source);
                continue;
            }
            String where = source + " line " + (n + 1) + " (step " + (actions.size() + 1) + ")";
            String[] values = columns == null ? cells : pick(cells, columns, where);
            if (columns != null && Arrays.stream(values).allMatch(String::isBlank)) continue; // a trace's reset line
            actions.add(action(values, space, where));
        }
        if (actions.isEmpty()) throw new IllegalArgumentException(source + " holds no actions");
        return actions;
    }

    private static boolean allNumbers(String[] cells) {
        for (String c : cells) {
            try {
                Double.parseDouble(c.strip());
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    private static int[] header(String[] cells, Space space, String source) {
        List<String> names = Arrays.stream(cells).map(String::strip).toList();
        List<String> wanted = columns(space);
        int[] at = new int[wanted.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = names.indexOf(wanted.get(i));
            if (at[i] < 0)
                throw new IllegalArgumentException(source + ": the header " + names + " has no column '" + wanted.get(i)
                        + "' (a " + space + " action needs the columns " + wanted + ")");
        }
        return at;
    }

    private static String[] pick(String[] cells, int[] columns, String where) {
        String[] v = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] >= cells.length)
                throw new IllegalArgumentException(where + ": " + cells.length + " cells, the header needs "
                        + (columns[i] + 1));
            v[i] = cells[columns[i]].strip();
        }
        return v;
    }

    private static double[] action(String[] values, Space space, String where) {
        if (values.length != space.dim())
            throw new IllegalArgumentException(where + ": " + values.length + " values " + Arrays.toString(values)
                    + ", expected " + space.dim() + " for a " + space + " action");
        double[] a = new double[values.length];
        for (int i = 0; i < a.length; i++) {
            try {
                a[i] = Double.parseDouble(values[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": '" + values[i] + "' is not a number");
            }
        }
        checkRange(a, space, where);
        return a;
    }

    /** Discrete: an integer index below n. Box: finite and within the bounds (the tasks would clip it). */
    private static void checkRange(double[] a, Space space, String where) {
        if (space instanceof Space.Discrete d) {
            if (!d.contains(a))
                throw new IllegalArgumentException(where + ": action " + a[0] + " is out of range, expected an integer in [0, "
                        + d.n() + ")");
            return;
        }
        Space.Box box = (Space.Box) space;
        for (int i = 0; i < a.length; i++)
            if (!Double.isFinite(a[i]) || a[i] < box.low()[i] || a[i] > box.high()[i])
                throw new IllegalArgumentException(where + ": action" + i + " = " + a[i] + " is out of range, expected a value in ["
                        + box.low()[i] + ", " + box.high()[i] + "]");
    }
}
