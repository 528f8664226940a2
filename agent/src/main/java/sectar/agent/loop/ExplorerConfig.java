package sectar.agent.loop;

import sectar.agent.rl.RndConfig;

/**
 * The explorer of spec sections 4.3 and 7.
 *
 * @param starts        N_e: rollouts per iteration, each from an MPC-visited state
 * @param segments      K_e: segments per rollout (rollout length (T+1) K_e - 1)
 * @param hidden        MLP hidden widths (released: 400-300-200)
 * @param initLogStd    initial log sigma of a Gaussian explorer (log 20 wheeled, 0 swimmer)
 * @param entropyBonus  PPO entropy bonus (0 waypoint/block, 1e-3 wheeled/swimmer)
 * @param resetEntropy  re-draw the weights when the batch's entropy as collected falls below this (1.34 waypoint,
 *                      1.6 block, 0 = never)
 * @param actionRepeat  env steps each sampled action is held for (0 or 1 = a new action every step, as
 *                      released): temporally extended exploration, so a near-uniform explorer still
 *                      travels and carries instead of jittering in place
 * @param rndWeight     weight of a random-network-distillation novelty bonus on every state the explorer
 *                      arrives in, beside the released segment bonus (the VAE's negative ELBO); 0 = off, as
 *                      released. PPO's advantage is normalise(A_segment) + rndWeight * normalise(A_state), so
 *                      1 weighs the two equally whatever their scales
 * @param rnd           the bonus's networks: target and predictor widths, features, the predictor's step size
 *                      and share of states trained on, the return discount of the scaling and the observation
 *                      clip ({@code extrinsicCoef} and {@code intrinsicCoef} are PPO + RND's and unused here);
 *                      may be null when {@code rndWeight} is 0
 * @param ouTheta       temporally correlated noise for a Gaussian explorer: its standard-normal draw follows
 *                      an Ornstein-Uhlenbeck process z_t = (1 - theta) z_{t-1} + sqrt(2 theta - theta^2) eps_t
 *                      over the decisions of a rollout ({@link OuNoise}), in (0, 1]; 0 = off (independent
 *                      noise, as released; 1 draws the same). Not for categorical explorers
 * @param archiveStarts share in [0, 1] of the explorer's starts drawn from the least-visited cells of an
 *                      archive of every explorer and MPC state ({@link StateArchive}, Go-Explore) instead of
 *                      from the MPC-visited states; 0 = off, as released
 * @param archiveGrid   the archive's cells per side of the observation box along each coordinate the reward
 *                      reads (its {@code archive_cells} are counted whether or not starts use it)
 */
public record ExplorerConfig(int starts, int segments, int[] hidden, double initLogStd, double entropyBonus,
                             double resetEntropy, int actionRepeat, double rndWeight, RndConfig rnd, double ouTheta,
                             double archiveStarts, int archiveGrid) {
    public ExplorerConfig {
        if (actionRepeat < 0) throw new IllegalArgumentException("explorer.actionRepeat must be >= 0 (0 or 1 = every step), got " + actionRepeat);
        if (starts < 1) throw new IllegalArgumentException("explorer.starts must be >= 1, got " + starts);
        if (segments < 1) throw new IllegalArgumentException("explorer.segments must be >= 1, got " + segments);
        if (!(entropyBonus >= 0)) throw new IllegalArgumentException("explorer.entropyBonus must be >= 0, got " + entropyBonus);
        if (!(rndWeight >= 0) || Double.isInfinite(rndWeight))
            throw new IllegalArgumentException("explorer.rndWeight must be a finite number >= 0 (0 = off), got " + rndWeight);
        if (rndWeight > 0 && rnd == null)
            throw new IllegalArgumentException("explorer.rndWeight is " + rndWeight + " but explorer.rnd is missing: the bonus needs its networks");
        if (!(ouTheta >= 0 && ouTheta <= 1))
            throw new IllegalArgumentException("explorer.ouTheta must be in [0, 1] (0 = independent noise), got " + ouTheta);
        if (!(archiveStarts >= 0 && archiveStarts <= 1))
            throw new IllegalArgumentException("explorer.archiveStarts must be a share in [0, 1] (0 = off), got " + archiveStarts);
        if (archiveGrid < 1) throw new IllegalArgumentException("explorer.archiveGrid must be >= 1 cells per side, got " + archiveGrid);
        hidden = hidden.clone();
    }

    /** The archive grid of configs that do not set one: 40 cells per side (0.14 wide on waypoint, a third of its goal radius). */
    public static final int DEFAULT_ARCHIVE_GRID = 40;

    /** The released explorer: every lever off. */
    public ExplorerConfig(int starts, int segments, int[] hidden, double initLogStd, double entropyBonus, double resetEntropy,
                          int actionRepeat) {
        this(starts, segments, hidden, initLogStd, entropyBonus, resetEntropy, actionRepeat, 0, null, 0, 0, DEFAULT_ARCHIVE_GRID);
    }

    @Override public int[] hidden() { return hidden.clone(); }

    /** The same explorer with {@code n} starts per iteration. */
    public ExplorerConfig withStarts(int n) {
        return new ExplorerConfig(n, segments, hidden, initLogStd, entropyBonus, resetEntropy, actionRepeat,
                rndWeight, rnd, ouTheta, archiveStarts, archiveGrid);
    }

    /** The same explorer with hidden widths {@code h}. */
    public ExplorerConfig withHidden(int[] h) {
        return new ExplorerConfig(starts, segments, h, initLogStd, entropyBonus, resetEntropy, actionRepeat,
                rndWeight, rnd, ouTheta, archiveStarts, archiveGrid);
    }

    /** The same explorer with action repeat {@code r}. */
    public ExplorerConfig withRepeat(int r) {
        return new ExplorerConfig(starts, segments, hidden, initLogStd, entropyBonus, resetEntropy, r,
                rndWeight, rnd, ouTheta, archiveStarts, archiveGrid);
    }

    /** The same explorer with a state-novelty bonus of weight {@code w} from networks {@code c}. */
    public ExplorerConfig withRnd(double w, RndConfig c) {
        return new ExplorerConfig(starts, segments, hidden, initLogStd, entropyBonus, resetEntropy, actionRepeat, w, c, ouTheta,
                archiveStarts, archiveGrid);
    }

    /** The same explorer with OU noise of {@code theta}. */
    public ExplorerConfig withOuTheta(double theta) {
        return new ExplorerConfig(starts, segments, hidden, initLogStd, entropyBonus, resetEntropy, actionRepeat, rndWeight, rnd, theta,
                archiveStarts, archiveGrid);
    }

    /** The same explorer with a share {@code share} of starts from an archive of {@code grid} cells per side. */
    public ExplorerConfig withArchive(double share, int grid) {
        return new ExplorerConfig(starts, segments, hidden, initLogStd, entropyBonus, resetEntropy, actionRepeat, rndWeight, rnd, ouTheta,
                share, grid);
    }

    /** Explorer starts per iteration drawn from the archive. */
    public int archiveStartCount() { return (int) Math.round(archiveStarts * starts); }

    /** Env steps per decision, >= 1 (configs written before the field existed read 0). */
    public int repeat() { return Math.max(1, actionRepeat); }
}
