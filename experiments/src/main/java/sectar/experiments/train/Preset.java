package sectar.experiments.train;

/**
 * A config preset, recorded in config.json as its lower-case name: {@code paper} reproduces the
 * released settings, {@code cpu} sizes the same algorithm for 2 cores.
 */
public enum Preset {
    cpu,
    paper;

    /** The preset called {@code name}, or a one-line error listing the known ones. */
    public static Preset named(String name) {
        for (Preset p : values()) if (p.name().equals(name)) return p;
        throw new IllegalArgumentException("unknown preset '" + name + "'; expected one of " + java.util.Arrays.toString(values()));
    }
}
