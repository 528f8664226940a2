package sectar.planner;

/**
 * How latent MPC searches for a plan: {@code shooting} scores {@code candidates} independent draws
 * from the prior (released); {@code cem} refits a Gaussian to its elites {@code cemIterations} times on
 * populations of {@code candidates / cemIterations}; {@code cmaes} runs {@code cemIterations}
 * generations of CMA-ES on populations of the same size. All three cost the same number of model
 * evaluations. The constant names are the words written into config.json ({@code "mpc.search"}).
 */
public enum SearchMethod {
    shooting,
    cem,
    cmaes;

    /** The search this method names, sized by {@code cfg}. */
    LatentSearch create(MpcConfig cfg) {
        return switch (this) {
            case cem -> new CrossEntropySearch(cfg.candidates() / cfg.cemIterations(), cfg.cemIterations(), cfg.cemElites(),
                    0.05, cfg.warmStart());
            case cmaes -> new CmaEsSearch(cfg.candidates() / cfg.cemIterations(), cfg.cemIterations(), cfg.warmStart());
            case shooting -> new RandomShooting(cfg.candidates());
        };
    }
}
