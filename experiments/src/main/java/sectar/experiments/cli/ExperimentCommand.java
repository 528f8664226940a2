package sectar.experiments.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sectar.experiments.campaign.Budget;
import sectar.experiments.campaign.CampaignRunner;
import sectar.experiments.campaign.CommitRule;
import sectar.experiments.campaign.Experiment;
import sectar.experiments.campaign.RunConfigs;
import sectar.experiments.campaign.RunSpec;
import sectar.experiments.campaign.RunState;
import sectar.experiments.campaign.StepMatch;
import sectar.experiments.cluster.ClusterAddress;
import sectar.experiments.cluster.ClusterStatus;
import sectar.experiments.cluster.Coordinator;
import sectar.experiments.cluster.MemberConfig;
import sectar.experiments.declared.Experiments;
import sectar.experiments.train.Algorithm;
import sectar.sim.tasks.Tasks;

/** {@code sectar experiment <task>}: the task's comparison campaign, resumable, with its summary, plots and README. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Run a task's comparison campaign (the algorithms, presets, budgets, seeds and instances its experiment "
                + "main declares), each run in its own process under --out as <algo>/i<k>-s<seed>. Running it again skips "
                + "finished runs and resumes stopped ones. Writes summary.csv, return.png, normalized.png and README.md. "
                + "With --cluster the runs execute on `sectar worker` processes instead.")
final class ExperimentCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TASK", description = "task name (see `sectar tasks`)")
    String task;

    @Option(names = "--seeds", paramLabel = "N", description = "seeds 1..N (default: the experiment's)")
    Integer seeds;

    @Option(names = "--instances", paramLabel = "K", description = "instances, a range or a list: 0-4, 0,2 (default: the experiment's)")
    String instances;

    @Option(names = "--algos", split = ",", paramLabel = "A", converter = AlgorithmWord.class, completionCandidates = AlgorithmWords.class,
            description = "algorithms among ${COMPLETION-CANDIDATES} (default: all the experiment declares)")
    List<Algorithm> algos;

    /** The registry's words, for the help text. */
    static final class AlgorithmWords implements Iterable<String> {
        @Override public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(Algorithm.values()).map(Algorithm::word).iterator();
        }
    }

    @Option(names = "--env-steps", paramLabel = "N",
            description = "env-step budget of ppo, trpo, ppo-rnd and mpc1step (default: the experiment's, the env steps of SeCTAR's runs of the same instance)")
    Long envSteps;

    @Option(names = "--iterations", paramLabel = "N", description = "sectar: iterations per run (default: the experiment's)")
    Integer iterations;

    @Option(names = "--allow-mixed-commits",
            description = "start or resume runs although the campaign's finished runs come from another commit (the report marks such cells)")
    boolean allowMixedCommits;

    @Option(names = "--set", paramLabel = "ALGO:KEY=VALUE",
            description = "a config override for one algorithm's runs, passed to `sectar train --set KEY=VALUE` (repeatable)")
    List<String> sets = new ArrayList<>();

    @Option(names = "--parallel", defaultValue = "1", paramLabel = "N", description = "runs at a time, splitting the cores (default: ${DEFAULT-VALUE})")
    int parallel;

    @Option(names = "--out", paramLabel = "DIR", description = "campaign folder (default: results/<task>)")
    Path out;

    @Option(names = "--dry-run", description = "print each run's name, state and arguments, and run nothing")
    boolean dryRun;

    @Option(names = "--cluster", description = "hold the campaign on a Hazelcast cluster for `sectar worker` processes on any machine "
            + "(this process runs no runs); see docs/cluster.md")
    boolean cluster;

    @Option(names = "--bind", paramLabel = "ADDR", description = "with --cluster: the one address to listen on (default: ${DEFAULT-VALUE}, this machine only)",
            defaultValue = MemberConfig.LOOPBACK)
    String bind;

    @Option(names = "--port", paramLabel = "P", description = "with --cluster: the coordinator's port (default: ${DEFAULT-VALUE})", defaultValue = "5701")
    int port;

    @Option(names = "--cluster-name", paramLabel = "N", description = "with --cluster: the cluster's name (default: $SECTAR_CLUSTER_NAME, "
            + "else the one cluster.json in --out records, else sectar- and random hex); workers read it from cluster.json")
    String clusterName;

    @Option(names = "--lease-seconds", paramLabel = "S", defaultValue = "15",
            description = "with --cluster: a claimed run returns to the pending runs this long after its worker stops renewing (default: ${DEFAULT-VALUE})")
    double leaseSeconds;

    @Option(names = "--refresh", description = "rewrite summary.csv, the plots and README.md from the runs finished so far, and run nothing "
            + "(a campaign still running rewrites them again after each of its runs)")
    boolean refresh;

    @Option(names = "--status", description = "print who runs what in the cluster campaign in --out, and exit")
    boolean status;

    @Override public Integer call() {
        Experiment exp = experiment();
        Path root = out != null ? out : Path.of("results", task);
        PrintWriter w = spec.commandLine().getOut();
        if (status) {
            ClusterStatus.print(root, w);
            return 0;
        }
        // every run's config is built and validated before anything runs, --dry-run included
        List<StepMatch.Resolved> resolved = exp.plan().stream().map(r -> StepMatch.resolve(exp, r, cluster ? null : root)).toList();
        RunConfigs.validate(resolved.stream().map(StepMatch.Resolved::spec).toList());
        if (dryRun) {
            for (StepMatch.Resolved r : resolved) {
                RunSpec s = r.spec();
                w.println(s.name() + "  " + RunState.of(s.dir(root)).name().toLowerCase(java.util.Locale.ROOT) + "  "
                        + s.setup().budget().describe() + (r.source().isEmpty() ? "" : " (" + r.source() + ")")
                        + "  sectar " + String.join(" ", s.trainArgs()));
            }
            w.flush();
            return 0;
        }
        List<String> command = new ArrayList<>(List.of("sectar"));
        command.addAll(spec.commandLine().getParseResult().originalArgs());
        PrintStream err = System.err;
        if (!refresh) CommitRule.check(exp.plan(), root, Build.commit(), allowMixedCommits);
        if (refresh) {
            int done = CampaignRunner.refreshOnly(exp, root, command, err);
            w.println("campaign folder: " + root + " (" + done + " of " + exp.plan().size() + " runs finished; outputs rewritten)");
            w.flush();
            return 0;
        }
        CampaignRunner.Result r = cluster
                ? Coordinator.run(exp, new Coordinator.Options(root, clusterName, bind, port, Math.round(leaseSeconds * 1000),
                        Build.commit(), err, command, Build.launcher()))
                : CampaignRunner.run(exp, new CampaignRunner.Options(root, parallel, Runtime.getRuntime().availableProcessors(), err, command));
        w.println("campaign folder: " + root + " (" + r.finished() + " of " + r.planned() + " runs finished"
                + (r.failed() > 0 ? ", " + r.failed() + " failed" : "") + ")");
        w.flush();
        return r.finished() == r.planned() ? 0 : 1;
    }

    /** The declared experiment with this command line's overrides applied (all validated before anything runs). */
    Experiment experiment() {
        Experiment exp = Experiments.of(task);
        if (parallel < 1) throw new IllegalArgumentException("--parallel must be >= 1, got " + parallel);
        checkClusterOptions();
        if (algos != null) exp = exp.onlyAlgos(algos);
        if (seeds != null) exp = exp.withSeeds(seeds);
        if (instances != null) exp = exp.withInstances(parseInstances(instances));
        if (envSteps != null) exp = exp.withEnvSteps(envSteps);
        if (iterations != null) {
            boolean has = exp.algos().stream().anyMatch(a -> a.algo() == Algorithm.sectar);
            if (!has) throw new IllegalArgumentException("--iterations sets sectar's budget, but sectar is not among --algos");
            exp = exp.withBudget(Algorithm.sectar, new Budget.Iterations(iterations));
        }
        Map<Algorithm, List<String>> byAlgo = new LinkedHashMap<>();
        for (String s : sets) {
            int colon = s.indexOf(':');
            if (colon <= 0 || s.indexOf('=') < colon)
                throw new IllegalArgumentException("--set expects ALGO:KEY=VALUE (e.g. sectar:mpc.horizon=2), got '" + s + "'");
            byAlgo.computeIfAbsent(Algorithm.named(s.substring(0, colon)), a -> new ArrayList<>()).add(s.substring(colon + 1));
        }
        for (Map.Entry<Algorithm, List<String>> e : byAlgo.entrySet()) exp = exp.withSets(e.getKey(), e.getValue());
        return exp;
    }

    /** Cluster options make sense only with --cluster (the coordinator); --status and --dry-run only read. */
    private void checkClusterOptions() {
        ClusterAddress.checkPort(port, "--port");
        if (!(leaseSeconds >= 1) || Double.isInfinite(leaseSeconds))
            throw new IllegalArgumentException("--lease-seconds must be >= 1, got " + leaseSeconds);
        if (cluster && parallel != 1)
            throw new IllegalArgumentException("--parallel is for a local campaign; with --cluster each worker takes --slots K");
        if (status && (cluster || dryRun)) throw new IllegalArgumentException("--status only reads; give it without --cluster and --dry-run");
        if (status && out == null) throw new IllegalArgumentException("--status needs the campaign folder (--out DIR)");
        boolean clusterOnly = !bind.equals(MemberConfig.LOOPBACK) || port != ClusterAddress.DEFAULT_PORT || clusterName != null
                || leaseSeconds != 15;
        if (clusterOnly && !cluster && !status) throw new IllegalArgumentException("--bind, --port, --cluster-name and --lease-seconds need --cluster");
        if (cluster) {
            MemberConfig.localIp(bind);
            if (clusterName != null) MemberConfig.checkName(clusterName);
        }
    }

    /** "0-4" or "0,2,3". */
    static List<Integer> parseInstances(String text) {
        List<Integer> ks = new ArrayList<>();
        try {
            for (String part : text.split(",")) {
                String p = part.strip();
                int dash = p.indexOf('-', 1);
                if (dash > 0) {
                    int lo = Integer.parseInt(p.substring(0, dash).strip()), hi = Integer.parseInt(p.substring(dash + 1).strip());
                    if (hi < lo) throw new IllegalArgumentException("--instances range " + p + " is empty; expected lo-hi with lo <= hi");
                    for (int k = lo; k <= hi; k++) ks.add(k);
                } else {
                    ks.add(Integer.parseInt(p));
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--instances expects a range or list of instances 0.." + (Tasks.NUM_INSTANCES - 1)
                    + " such as 0-4 or 0,2, got '" + text + "'");
        }
        for (int k : ks)
            if (k < 0 || k >= Tasks.NUM_INSTANCES)
                throw new IllegalArgumentException("--instances '" + text + "' names instance " + (ks.stream().anyMatch(x -> x < 0)
                        ? ks.stream().filter(x -> x < 0).findFirst().get() : ks.stream().mapToInt(x -> x).max().getAsInt())
                        + "; expected instances 0.." + (Tasks.NUM_INSTANCES - 1));
        if (ks.stream().distinct().count() != ks.size()) throw new IllegalArgumentException("--instances lists an instance twice: '" + text + "'");
        return ks;
    }
}
