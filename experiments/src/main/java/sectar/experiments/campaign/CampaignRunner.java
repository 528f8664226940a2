package sectar.experiments.campaign;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import sectar.experiments.train.Algorithm;
import sectar.sim.io.AtomicFiles;

/**
 * Runs a campaign's runs, each in its own child process through the CLI ({@code sectar train ...
 * --out <run>}, or {@code sectar resume <run>} for a stopped run of an algorithm that resumes), one at
 * a time or {@code parallel} at a time with the cores split between them. Started again on the same
 * folder it skips finished runs, waits for runs a killed campaign left running, and resumes (or
 * restarts) stopped ones, so a campaign killed at any moment completes with nothing lost or repeated.
 * After every run it rewrites summary.csv, the plots and README.md.
 */
public final class CampaignRunner {
    private static final String LOCK = ".campaign.lock";

    /**
     * @param root     the campaign folder
     * @param parallel runs at a time (>= 1)
     * @param cores    cores to split between them
     * @param err      where the campaign's progress (and, one run at a time, the run's own output) goes
     * @param command  the command line that started the campaign, for README.md
     */
    public record Options(Path root, int parallel, int cores, PrintStream err, List<String> command) {
        public Options {
            if (parallel < 1) throw new IllegalArgumentException("--parallel must be >= 1, got " + parallel);
            if (cores < 1) throw new IllegalArgumentException("cores must be >= 1, got " + cores);
            command = List.copyOf(command);
        }
    }

    /** How the campaign ended: runs planned, finished (now or before), and failed. */
    public record Result(int planned, int finished, int failed) {}

    private CampaignRunner() {}

    public static Result run(Experiment exp, Options opt) {
        List<RunSpec> plan = exp.plan();
        try {
            Files.createDirectories(opt.root());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create campaign folder " + opt.root() + " (" + e.getClass().getSimpleName() + ")");
        }
        CampaignRecord record = CampaignRecord.load(opt.root());
        for (RunSpec s : exp.plan(opt.root())) record.check(s);
        return locked(opt.root(), () -> runLocked(exp, plan, record, opt));
    }

    /**
     * Runs {@code body} holding the campaign folder's lock file, so two campaigns (local, or a cluster's
     * coordinator) never drive one folder; fails (a user error) when another holds it.
     */
    public static <T> T locked(Path root, Supplier<T> body) {
        try (FileChannel ch = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = tryLock(ch, root)) {
            return body.get();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot lock campaign folder " + root + " (" + e.getMessage() + ")");
        }
    }

    private static FileLock tryLock(FileChannel ch, Path root) throws IOException {
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) throw new IllegalArgumentException("another campaign is running in " + root + "; wait for it or stop it");
        return lock;
    }

    private static Result runLocked(Experiment exp, List<RunSpec> plan, CampaignRecord record, Options opt) {
        CampaignProgress progress = new CampaignProgress(exp.task(), plan.size(), System::nanoTime);
        AtomicReference<String> userError = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(opt.parallel(), r -> {
            Thread t = new Thread(r, "campaign-run");
            t.setDaemon(true);
            return t;
        });
        // a run's latch opens when it has ended (finished, failed or skipped): a baseline matched to SeCTAR
        // waits for its instance's SeCTAR runs, which the plan lists (and the pool starts) before it
        Map<String, CountDownLatch> ended = new LinkedHashMap<>();
        for (RunSpec spec : plan) ended.put(spec.name(), new CountDownLatch(1));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (RunSpec spec : plan)
                futures.add(pool.submit(() -> {
                    try {
                        awaitReferences(exp, spec, ended);
                        runOne(exp, StepMatch.resolve(exp, spec, opt.root()).spec(), record, opt, progress, userError, plan);
                    } finally {
                        ended.get(spec.name()).countDown();
                    }
                }));
            for (Future<?> f : futures) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("campaign interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (userError.get() != null) throw new IllegalArgumentException(userError.get());
        refresh(exp, plan, opt);
        opt.err().println(progress.line("done"));
        return new Result(plan.size(), progress.finishedCount(), progress.failedCount());
    }

    /** Blocks until the SeCTAR runs whose env steps {@code spec} matches, where the plan has them, have ended. */
    private static void awaitReferences(Experiment exp, RunSpec spec, Map<String, CountDownLatch> ended) {
        if (!(spec.setup().budget() instanceof Budget.MatchSectar)) return;
        try {
            for (RunSpec ref : exp.referenceRuns(spec.instance())) {
                CountDownLatch l = ended.get(ref.name());
                if (l != null) l.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("campaign interrupted", e);
        }
    }

    private static void runOne(Experiment exp, RunSpec spec, CampaignRecord record, Options opt, CampaignProgress progress,
                               AtomicReference<String> userError, List<RunSpec> plan) {
        if (userError.get() != null) return;
        Path dir = spec.dir(opt.root()).toAbsolutePath().normalize();
        if (RunState.of(dir) != RunState.FINISHED) {
            List<ProcessHandle> left = Orphans.writing(dir);
            if (!left.isEmpty()) {
                opt.err().println(progress.line("waiting for " + spec.name() + ", left running by a killed campaign (pid "
                        + left.get(0).pid() + ")"));
                Orphans.awaitAll(dir);
            }
        }
        RunState state = RunState.of(dir);
        if (state == RunState.FINISHED) {
            progress.skipped();
            opt.err().println(progress.line(spec.name() + " already finished"));
            return;
        }
        record.check(spec);
        record.record(spec);
        List<String> args = arguments(spec, state, dir, opt);
        opt.err().println(progress.line((args.get(0).equals("resume") ? "resuming " : "starting ") + spec.name()));
        Path log = log(opt.root(), spec.name());
        ChildRun.Outcome out = ChildRun.run(args, opt.parallel() > 1 ? Math.max(1, opt.cores() / opt.parallel()) : 0, log,
                opt.parallel() == 1 ? opt.err() : null);
        if (out.exitCode() == 2) { // a user error (say, a bad --set) holds for every run of the campaign
            userError.compareAndSet(null, "run " + spec.name() + ": " + (out.error() == null ? "refused its arguments" : out.error()));
            return;
        }
        if (RunState.of(dir) == RunState.FINISHED) {
            progress.finished();
            refresh(exp, plan, opt);
            opt.err().println(progress.line("finished " + spec.name()));
        } else {
            progress.failed();
            opt.err().println(progress.line(spec.name() + " failed (exit " + out.exitCode() + (out.error() == null ? "" : ": " + out.error())
                    + "); see " + log));
        }
    }

    /** {@code resume} for a stopped run that can, else {@code train} into the folder (replacing what a stopped run left). */
    static List<String> arguments(RunSpec spec, RunState state, Path dir, Options opt) {
        return arguments(spec.algo().word(), spec.trainArgs(), state, dir, threads(opt.cores(), opt.parallel()));
    }

    /**
     * The same for a run known by its algorithm and {@link RunSpec#trainArgs()} (as a cluster worker
     * receives it), with {@code threads} network threads.
     */
    public static List<String> arguments(String algo, List<String> trainArgs, RunState state, Path dir, int threads) {
        List<String> a = new ArrayList<>();
        if (state == RunState.STOPPED && Algorithm.named(algo).resumesFrom(dir)) {
            a.addAll(List.of("resume", dir.toString()));
        } else {
            a.addAll(trainArgs);
            a.addAll(List.of("--out", dir.toString()));
            if (Files.exists(dir)) a.add("--force");
        }
        a.addAll(List.of("--threads", Integer.toString(threads)));
        return a;
    }

    /** The networks' threads (1 or 2; results are identical): both cores for a run alone, one each side by side. */
    public static int threads(int cores, int parallel) { return Math.max(1, Math.min(2, cores / parallel)); }

    /** The log file of run {@code spec} in campaign folder {@code root} ({@code logs/<algo>_i<k>-s<seed>.log}). */
    public static Path log(Path root, String runName) { return root.resolve("logs").resolve(runName.replace('/', '_') + ".log"); }

    /**
     * {@code experiment --refresh}: rewrites the outputs from the runs finished so far without running
     * any; returns how many of the plan's runs are finished.
     */
    public static int refreshOnly(Experiment exp, Path root, List<String> command, PrintStream err) {
        if (!Files.isDirectory(root)) throw new IllegalArgumentException("campaign folder " + root + " does not exist");
        List<RunSpec> plan = exp.plan();
        refresh(exp, plan, new Options(root, 1, 1, err, command));
        return (int) plan.stream().filter(s -> RunState.of(s.dir(root)) == RunState.FINISHED).count();
    }

    /** Rewrites summary.csv, the plots and README.md from the finished runs. */
    public static synchronized void refresh(Experiment exp, List<RunSpec> plan, Options opt) {
        Map<RunSpec, Path> done = new LinkedHashMap<>();
        List<SummaryRow> rows = new ArrayList<>();
        for (RunSpec s : plan) {
            Path dir = s.dir(opt.root());
            if (RunState.of(dir) != RunState.FINISHED) continue;
            done.put(s, dir);
            rows.add(SummaryRow.of(s, dir));
        }
        Summary.write(opt.root().resolve(Summary.FILE), rows);
        CampaignPlots.write(opt.root(), exp.task(), done);
        AtomicFiles.writeString(opt.root().resolve("README.md"), CampaignReadme.markdown(exp, opt.command(), rows, plan.size()));
    }
}
