package sectar.planner;

/**
 * Latent MPC settings (spec sections 6 and 9).
 *
 * @param episodes       M: parallel MPC episodes per iteration (released: 40; swimmer 20)
 * @param candidates     C: latent sequences evaluated per replanning (released: 2048; swimmer 4000)
 * @param horizon        plan horizon in segments (released: 10 waypoint/block, 20 wheeled, 30 swimmer)
 * @param segments       episode length in segments (released: 20 waypoint, 50 others)
 * @param gamma          discount over predicted steps (0.99; block 0.995)
 * @param progressWeight never-blind progress term weight; 0 is the released planner
 * @param search         how plans are searched: {@link SearchConfig.Shooting} (released), {@link SearchConfig.Cem}
 *                       or {@link SearchConfig.CmaEs}, each with its own settings
 * @param greedyActions  the policy decoder executes its most likely action instead of sampling (released:
 *                       sampled, false); the state decoder predicts the mean trajectory, which greedy
 *                       execution follows more closely
 * @param executeSteps   env steps executed per replan: 0 or T = a whole segment (released); fewer
 *                       replans more often, each from the real state
 * @param priorPenalty   trust region weight lambda >= 0: each candidate's score gains
 *                       lambda * log p(z_1..z_H | s) under the planning prior (N(0, I) or the learned
 *                       prior), keeping plans where the model was trained; 0 = off (released)
 */
public record MpcConfig(int episodes, int candidates, int horizon, int segments, double gamma,
                        double progressWeight, SearchConfig search, boolean greedyActions, int executeSteps,
                        double priorPenalty) {
    public MpcConfig {
        if (episodes < 1) throw new IllegalArgumentException("mpc.episodes must be >= 1, got " + episodes);
        if (candidates < 2) throw new IllegalArgumentException("mpc.candidates must be >= 2, got " + candidates);
        if (horizon < 1) throw new IllegalArgumentException("mpc.horizon must be >= 1, got " + horizon);
        if (segments < 1) throw new IllegalArgumentException("mpc.segments must be >= 1, got " + segments);
        if (search == null) throw new IllegalArgumentException("mpc.search must be one of " + SearchConfig.methods());
        if (executeSteps < 0) throw new IllegalArgumentException("mpc.executeSteps must be >= 0 (0 = a whole segment), got " + executeSteps);
        if (!(priorPenalty >= 0) || Double.isInfinite(priorPenalty))
            throw new IllegalArgumentException("mpc.priorPenalty must be >= 0 and finite (0 = off), got " + priorPenalty);
        search.check(candidates);
    }

    /** The same planner over {@code m} parallel episodes (e.g. one for a render). */
    public MpcConfig withEpisodes(int m) {
        return new MpcConfig(m, candidates, horizon, segments, gamma, progressWeight, search, greedyActions, executeSteps, priorPenalty);
    }

    /** The search this config names, spending {@code candidates} model evaluations per problem. */
    public LatentSearch newSearch() { return search.create(candidates); }
}
