package sectar.experiments.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sectar.experiments.cluster.ClusterAddress;
import sectar.experiments.cluster.MemberConfig;
import sectar.experiments.cluster.Worker;

/** {@code sectar worker --join HOST[:PORT] --cluster-name N [--slots K]}: works for a cluster campaign until it is done. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Join a cluster campaign (`sectar experiment <task> --cluster` prints this command), claim its runs and run each "
                + "as a child process, K at a time, until the campaign is done. The campaign folder must be visible here at the same path.")
final class WorkerCommand implements Callable<Integer> {
    @Option(names = "--join", required = true, paramLabel = "HOST[:PORT]", description = "the coordinator's address (port default 5701)")
    String join;

    @Option(names = "--cluster-name", required = true, paramLabel = "N", description = "the cluster's name, as the coordinator printed it")
    String clusterName;

    @Option(names = "--slots", defaultValue = "1", paramLabel = "K", description = "runs at a time, splitting the cores (default: ${DEFAULT-VALUE})")
    int slots;

    @Option(names = "--bind", defaultValue = MemberConfig.LOOPBACK, paramLabel = "ADDR",
            description = "the one address to listen on (default: ${DEFAULT-VALUE}; give this machine's address when the coordinator is on another)")
    String bind;

    @Option(names = "--port", paramLabel = "P", description = "the first port to try (default: the join port + 1; the next free one is taken)")
    Integer port;

    @Override public Integer call() {
        ClusterAddress at = ClusterAddress.parse(join, "--join");
        return Worker.run(new Worker.Options(at, clusterName, bind, port, slots, Build.commit(), Runtime.getRuntime().availableProcessors(),
                System.err));
    }
}
