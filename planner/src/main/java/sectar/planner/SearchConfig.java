package sectar.planner;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Arrays;
import java.util.List;

/**
 * How latent MPC searches for a plan, each method with its own settings. Every method evaluates the
 * planner's {@code candidates} latent sequences per replanning, so all cost the same: {@link Shooting}
 * scores that many independent draws from the prior (released); {@link Cem} refits a Gaussian to its
 * elites {@code iterations} times on populations of {@code candidates / iterations}; {@link CmaEs} runs
 * {@code generations} of CMA-ES on populations of {@code candidates / generations}. In config.json a
 * search is an object naming its {@code method}: {@code {"method": "cem", "iterations": 4, ...}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "method")
@JsonSubTypes({@JsonSubTypes.Type(value = SearchConfig.Shooting.class, name = "shooting"),
        @JsonSubTypes.Type(value = SearchConfig.Cem.class, name = "cem"),
        @JsonSubTypes.Type(value = SearchConfig.CmaEs.class, name = "cmaes")})
public sealed interface SearchConfig {
    /** Fails naming the field when these settings do not fit {@code candidates} sequences per replanning. */
    void check(int candidates);

    /** The search, spending {@code candidates} model evaluations per problem. */
    LatentSearch create(int candidates);

    /** The method names config.json and {@code --search} take, as registered above. */
    static List<String> methods() {
        return Arrays.stream(SearchConfig.class.getAnnotation(JsonSubTypes.class).value()).map(JsonSubTypes.Type::name).toList();
    }

    /** Random shooting, the released planner: {@code candidates} draws from the prior, the best one kept. */
    record Shooting() implements SearchConfig {
        @Override public void check(int candidates) {}

        @Override public LatentSearch create(int candidates) { return new RandomShooting(candidates); }
    }

    /**
     * The cross-entropy method.
     *
     * @param iterations refits per replanning; the population is candidates / iterations
     * @param elites     sequences each refit keeps
     * @param warmStart  each replan starts from the previous plan shifted by one segment
     */
    record Cem(int iterations, int elites, boolean warmStart) implements SearchConfig {
        /** Floor on each standard deviation of the sampling Gaussian, so the search never collapses to a point. */
        static final double MIN_STD = 0.05;

        @Override public void check(int candidates) {
            if (iterations < 1 || candidates / iterations < 2)
                throw new IllegalArgumentException("mpc.search.iterations must leave a population >= 2 of " + candidates
                        + " candidates, got " + iterations);
            if (elites < 1 || elites > candidates / iterations)
                throw new IllegalArgumentException("mpc.search.elites must be in [1, " + candidates / iterations + "], got " + elites);
        }

        @Override public LatentSearch create(int candidates) {
            return new CrossEntropySearch(candidates / iterations, iterations, elites, MIN_STD, warmStart);
        }
    }

    /**
     * CMA-ES, recombining its own best half of each population.
     *
     * @param generations generations per replanning; the population is candidates / generations
     * @param warmStart   each replan starts from the previous plan shifted by one segment
     */
    record CmaEs(int generations, boolean warmStart) implements SearchConfig {
        @Override public void check(int candidates) {
            if (generations < 1 || candidates / generations < 2)
                throw new IllegalArgumentException("mpc.search.generations must leave a population >= 2 of " + candidates
                        + " candidates, got " + generations);
        }

        @Override public LatentSearch create(int candidates) {
            return new CmaEsSearch(candidates / generations, generations, warmStart);
        }
    }
}
