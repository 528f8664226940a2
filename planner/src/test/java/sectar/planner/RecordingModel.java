package sectar.planner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sectar.agent.api.LatentStateModel;

/** The waypoint oracle, remembering the latent sequences of every batched call (one per search generation). */
final class RecordingModel implements LatentStateModel {
    private final WaypointOracle oracle = new WaypointOracle();
    final List<float[]> calls = new ArrayList<>();

    @Override public int obsDim() { return oracle.obsDim(); }

    @Override public int latentDim() { return oracle.latentDim(); }

    @Override public int segmentLength() { return oracle.segmentLength(); }

    @Override public void predictChained(float[] s0, float[] z, int n, int h, float[] out) {
        calls.add(Arrays.copyOf(z, n * h * latentDim()));
        oracle.predictChained(s0, z, n, h, out);
    }
}
