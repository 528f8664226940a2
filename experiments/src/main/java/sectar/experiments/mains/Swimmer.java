package sectar.experiments.mains;

/** {@code sectar experiment swimmer} as a Java main: the experiment {@link sectar.experiments.declared.Swimmer} declares. */
public final class Swimmer {
    private Swimmer() {}

    public static void main(String[] args) { Launch.experiment("swimmer", args); }
}
