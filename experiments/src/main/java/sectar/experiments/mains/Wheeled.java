package sectar.experiments.mains;

/** {@code sectar experiment wheeled} as a Java main: the experiment {@link sectar.experiments.declared.Wheeled} declares. */
public final class Wheeled {
    private Wheeled() {}

    public static void main(String[] args) { Launch.experiment("wheeled", args); }
}
