package sectar.experiments.train;

import java.util.List;

/**
 * A config preset, recorded in config.json as its lower-case name: {@code paper} reproduces the
 * released settings, {@code cpu} sizes the same algorithm for 2 cores. Their numbers are data, in the
 * preset files {@link Presets} reads.
 */
public enum Preset {
    cpu,
    paper;

    /** The presets whose overlays build this one, in order: cpu is paper's tree with cpu's overlays on top. */
    public List<Preset> layers() {
        return this == paper ? List.of(paper) : List.of(paper, cpu);
    }

    /** The preset called {@code name}, or a one-line error listing the known ones. */
    public static Preset named(String name) {
        for (Preset p : values()) if (p.name().equals(name)) return p;
        throw new IllegalArgumentException("unknown preset '" + name + "'; expected one of " + java.util.Arrays.toString(values()));
    }
}
