package sectar.experiments.cluster;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * How far one campaign's run map is from being the bottleneck: {@code members} embedded members on the
 * loopback interface in this JVM, {@code workers} simulated worker slots spread over them, each claiming
 * a run, renewing its lease once and marking it finished as fast as it can, until {@code runs} runs are
 * done. Prints one JSON line: claims per second and the claim latency's median and 99th percentile. A
 * real run lasts minutes, so a cluster needs about one claim per worker per few minutes.
 */
public final class ClaimBench {
    private ClaimBench() {}

    /** Runs the benchmark on ports from {@code port} up and prints its JSON line. */
    public static void run(int members, int workers, int runs, int port, PrintStream out) throws Exception {
        if (members < 1 || workers < 1 || runs < 1) throw new IllegalArgumentException("members, workers and runs must be >= 1");
        String name = Coordinator.randomName();
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < members; i++) addresses.add(MemberConfig.LOOPBACK + ":" + (port + i));
        List<HazelcastInstance> hz = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            for (int i = 0; i < members; i++)
                hz.add(Hazelcast.newHazelcastInstance(MemberConfig.member(new MemberConfig.Settings(name, MemberConfig.LOOPBACK, port + i, addresses))));
            RunTable seeder = RunTable.of(hz.get(0));
            List<String> order = new ArrayList<>();
            for (int r = 0; r < runs; r++) order.add(String.format(Locale.ROOT, "ppo/i%d-s%d", r % 5, r));
            for (String n : order) seeder.seed(n, RunEntry.pending(0));
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            long t0 = System.nanoTime();
            List<Future<?>> slots = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                RunTable table = RunTable.of(hz.get(w % members));
                String slot = "bench-" + w;
                slots.add(pool.submit(() -> {
                    while (true) {
                        long c0 = System.nanoTime();
                        Optional<RunTable.Claimed> got = table.claimNext(order, slot, "bench", 15_000);
                        if (got.isEmpty()) return null;
                        latencies.add(System.nanoTime() - c0);
                        RunTable.Claimed c = got.get();
                        table.renew(c.name(), slot, "bench", c.epoch(), 15_000).toCompletableFuture().get();
                        table.finish(c.name(), slot, c.epoch());
                    }
                }));
            }
            for (Future<?> f : slots) f.get();
            double seconds = (System.nanoTime() - t0) / 1e9;
            long[] ns = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            out.println(String.format(Locale.ROOT, "{\"bench\":\"cluster_claims\",\"members\":%d,\"workers\":%d,\"runs\":%d,\"claims\":%d,"
                            + "\"seconds\":%.2f,\"claims_per_s\":%.1f,\"claim_ms_median\":%.2f,\"claim_ms_p99\":%.2f,\"cores\":%d}",
                    members, workers, runs, ns.length, seconds, ns.length / seconds, ns[ns.length / 2] / 1e6,
                    ns[Math.min(ns.length - 1, (int) (ns.length * 0.99))] / 1e6, Runtime.getRuntime().availableProcessors()));
            out.flush();
            if (ns.length != runs) throw new IllegalStateException("claimed " + ns.length + " of " + runs + " runs");
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
            for (HazelcastInstance h : hz) h.getLifecycleService().shutdown();
        }
    }
}
