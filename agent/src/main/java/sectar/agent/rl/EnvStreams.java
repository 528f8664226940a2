package sectar.agent.rl;

import java.util.ArrayList;
import java.util.List;

/**
 * The steps of a {@link VectorRollouts.Result} regrouped env by env, each env's episodes back to back
 * in time order: the layout of RND's non-episodic intrinsic return, which runs on through an episode's
 * end into the env's next episode as the env's own stream of observations does (Burda et al. 2018,
 * section 2.3). Streams are laid end to end, the layout {@link Gae} takes.
 *
 * @param order       stream position to batch row
 * @param lengths     steps of each stream (one per env that finished an episode)
 * @param envs        the env of each stream
 * @param lastEpisode per stream, its env's last episode in the batch (whose next start it bootstraps from)
 */
record EnvStreams(int[] order, int[] lengths, int[] envs, int[] lastEpisode) {
    static EnvStreams of(VectorRollouts.Result r) {
        int[] episodeLengths = r.batch().lengths(), episodeEnvs = r.episodeEnvs();
        int[] firstRow = new int[episodeLengths.length];
        for (int e = 1; e < firstRow.length; e++) firstRow[e] = firstRow[e - 1] + episodeLengths[e - 1];
        int maxEnv = -1;
        for (int env : episodeEnvs) maxEnv = Math.max(maxEnv, env);
        List<List<Integer>> byEnv = new ArrayList<>();
        for (int i = 0; i <= maxEnv; i++) byEnv.add(new ArrayList<>());
        for (int e = 0; e < episodeEnvs.length; e++) byEnv.get(episodeEnvs[e]).add(e); // time order within an env
        List<Integer> envs = new ArrayList<>(), lengths = new ArrayList<>(), last = new ArrayList<>();
        int[] order = new int[r.batch().size()];
        int o = 0;
        for (int env = 0; env <= maxEnv; env++) {
            List<Integer> eps = byEnv.get(env);
            if (eps.isEmpty()) continue;
            int len = 0;
            for (int e : eps)
                for (int t = 0; t < episodeLengths[e]; t++, len++) order[o++] = firstRow[e] + t;
            envs.add(env);
            lengths.add(len);
            last.add(eps.get(eps.size() - 1));
        }
        return new EnvStreams(order, toArray(lengths), toArray(envs), toArray(last));
    }

    private static int[] toArray(List<Integer> xs) { return xs.stream().mapToInt(Integer::intValue).toArray(); }

    /** A per-row array in stream layout. */
    double[] toStreams(double[] perRow) {
        double[] s = new double[order.length];
        for (int i = 0; i < order.length; i++) s[i] = perRow[order[i]];
        return s;
    }

    /** A stream-layout array back in row order. */
    double[] toRows(double[] perStream) {
        double[] r = new double[order.length];
        for (int i = 0; i < order.length; i++) r[order[i]] = perStream[i];
        return r;
    }
}
