package sectar.experiments.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sectar.experiments.cluster.ClusterAddress;
import sectar.experiments.cluster.ClusterFiles;
import sectar.experiments.cluster.Worker;

/** {@code sectar worker --campaign DIR [--slots K]}: works for a cluster campaign until it is done. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Join a cluster campaign (`sectar experiment <task> --cluster --out DIR` prints this command), claim its runs and run each "
                + "as a child process, K at a time, until the campaign is done. DIR must be visible here at the same path: the worker reads "
                + "the cluster's name and address from DIR/cluster.json and the campaign's key from DIR/cluster.key.")
final class WorkerCommand implements Callable<Integer> {
    @Option(names = "--campaign", required = true, paramLabel = "DIR", description = "the campaign folder, shared at the same path as on the coordinator's machine")
    Path campaign;

    @Option(names = "--join", paramLabel = "HOST[:PORT]", description = "the coordinator's address (default: the one DIR/cluster.json records; port default 5701)")
    String join;

    @Option(names = "--cluster-name", paramLabel = "N",
            description = "the cluster's name (default: $" + ClusterFiles.NAME_ENV + ", else DIR/cluster.json's; a name on the command line is visible to every user of this machine)")
    String clusterName;

    @Option(names = "--slots", defaultValue = "1", paramLabel = "K", description = "runs at a time, splitting the cores (default: ${DEFAULT-VALUE})")
    int slots;

    @Override public Integer call() {
        ClusterAddress at = join == null ? null : ClusterAddress.parse(join, "--join");
        return Worker.run(new Worker.Options(campaign, at, clusterName, slots, Build.commit(), Runtime.getRuntime().availableProcessors(), System.err));
    }
}
