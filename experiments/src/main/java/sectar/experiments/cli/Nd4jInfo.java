package sectar.experiments.cli;

/** The ND4J backend version recorded in each run's metadata, read from the jar manifest. */
final class Nd4jInfo {
    private Nd4jInfo() {}

    static String version() {
        Package p = org.nd4j.linalg.factory.Nd4j.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return "nd4j-native " + (v == null ? "1.0.0-M2.1" : v) + " linux-x86_64";
    }
}
