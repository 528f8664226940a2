package sectar.experiments.campaign;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import sectar.experiments.run.RunDirectory;

/**
 * The algorithms whose stopped runs {@code sectar resume RUN_DIR} continues from their last
 * checkpoint. A stopped run of any other algorithm is trained again from the start into the same folder
 * ({@code --force}): nothing it wrote is kept, so nothing is repeated either.
 */
final class Resumable {
    /** Every trainer checkpoints under the training loop, so every algorithm resumes. */
    static final Set<String> ALGOS = Set.of("sectar", "ppo", "trpo", "ppo-rnd", "mpc1step");

    private Resumable() {}

    /**
     * Whether the stopped run of {@code algo} in {@code dir} is resumed: only from a checkpoint; a run
     * killed before its first one has nothing worth keeping and starts again.
     */
    static boolean resumes(String algo, Path dir) {
        return ALGOS.contains(algo) && Files.isRegularFile(dir.resolve(RunDirectory.CHECKPOINT));
    }
}
