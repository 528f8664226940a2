package sectar.experiments.mains;

/** {@code sectar experiment block} as a Java main: the experiment {@link sectar.experiments.declared.Block} declares. */
public final class Block {
    private Block() {}

    public static void main(String[] args) { Launch.experiment("block", args); }
}
