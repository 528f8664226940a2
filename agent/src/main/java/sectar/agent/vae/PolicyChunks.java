package sectar.agent.vae;

import java.util.List;

/**
 * Chunks the policy decoder executed under known latents: where each started, the latent it ran and
 * the states it really reached. The data the state decoder is fitted to by {@link DecoderFit}, so that
 * the model the planner searches with predicts the policy it will execute.
 *
 * @param n       number of chunks
 * @param s0      [n][obs] start states
 * @param z       [n][latent] the latent each chunk executed
 * @param reached [n][T][obs] the states s_1..s_T reached; rows past a chunk's length are unused (zero)
 * @param lengths [n] steps each chunk really took, 1..T (an MPC chunk replans after fewer than T)
 */
public record PolicyChunks(int n, float[] s0, float[] z, float[] reached, int[] lengths) {
    public PolicyChunks {
        if (n < 0) throw new IllegalArgumentException("chunk count must be >= 0, got " + n);
        if (lengths == null || lengths.length != n)
            throw new IllegalArgumentException("lengths must hold one value per chunk (" + n + "), got "
                    + (lengths == null ? "none" : lengths.length));
        if (s0 == null || z == null || reached == null) throw new IllegalArgumentException("s0, z and reached must be given");
    }

    /** n chunks that all ran the full T steps. */
    public static PolicyChunks full(int n, float[] s0, float[] z, float[] reached, int steps) {
        int[] lengths = new int[n];
        java.util.Arrays.fill(lengths, steps);
        return new PolicyChunks(n, s0, z, reached, lengths);
    }

    /** No chunks. */
    public static PolicyChunks none() { return new PolicyChunks(0, new float[0], new float[0], new float[0], new int[0]); }

    /** Throws naming the array whose size does not fit obs, latent and T, or a length outside 1..T. */
    void validate(int obs, int latent, int steps) {
        sectar.agent.nn.Nd.checkInput("s0", s0, n * obs, "[" + n + ", " + obs + "]");
        sectar.agent.nn.Nd.checkInput("z", z, n * latent, "[" + n + ", " + latent + "]");
        sectar.agent.nn.Nd.checkInput("reached", reached, n * steps * obs, "[" + n + ", " + steps + ", " + obs + "]");
        for (int b = 0; b < n; b++)
            if (lengths[b] < 1 || lengths[b] > steps)
                throw new IllegalArgumentException("chunk " + b + " has length " + lengths[b] + ", expected 1.." + steps);
    }

    /** All chunks of {@code parts}, in order. */
    public static PolicyChunks concat(List<PolicyChunks> parts) {
        int n = 0, ns = 0, nz = 0, nr = 0;
        for (PolicyChunks p : parts) {
            n += p.n;
            ns += p.s0.length;
            nz += p.z.length;
            nr += p.reached.length;
        }
        float[] s0 = new float[ns], z = new float[nz], reached = new float[nr];
        int[] lengths = new int[n];
        int i = 0, is = 0, iz = 0, ir = 0;
        for (PolicyChunks p : parts) {
            System.arraycopy(p.s0, 0, s0, is, p.s0.length);
            System.arraycopy(p.z, 0, z, iz, p.z.length);
            System.arraycopy(p.reached, 0, reached, ir, p.reached.length);
            System.arraycopy(p.lengths, 0, lengths, i, p.n);
            i += p.n;
            is += p.s0.length;
            iz += p.z.length;
            ir += p.reached.length;
        }
        return new PolicyChunks(n, s0, z, reached, lengths);
    }
}
