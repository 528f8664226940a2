package sectar.experiments.mains;

/** {@code sectar experiment waypoint} as a Java main: the experiment {@link sectar.experiments.declared.Waypoint} declares. */
public final class Waypoint {
    private Waypoint() {}

    public static void main(String[] args) { Launch.experiment("waypoint", args); }
}
