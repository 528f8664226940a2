package sectar.experiments.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sectar.experiments.cluster.ClaimBench;
import sectar.experiments.cluster.ClusterAddress;

/** {@code sectar bench cluster}: claims per second on one campaign's run map (see {@link ClaimBench}). */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Claims per second and claim latency of a cluster campaign's run map, with simulated workers in this JVM (JSON line).")
final class BenchClusterCommand implements Callable<Integer> {
    @Option(names = "--members", defaultValue = "3", description = "embedded members on the loopback interface (default: ${DEFAULT-VALUE})")
    int members;

    @Option(names = "--workers", defaultValue = "200", description = "simulated worker slots spread over them (default: ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--runs", defaultValue = "2000", description = "runs to claim, renew once and finish (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--port", defaultValue = "5901", description = "first port (default: ${DEFAULT-VALUE})")
    int port;

    @Override public Integer call() throws Exception {
        ClusterAddress.checkPort(port, "--port");
        ClaimBench.run(members, workers, runs, port, System.out);
        return 0;
    }
}
