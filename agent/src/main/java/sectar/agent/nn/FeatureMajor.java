package sectar.agent.nn;

/**
 * The two batch layouts of a {@link PolicyNet}: callers hold samples row by row (sample-major,
 * {@code [B][d]}), the ND4J passes work feature-major ({@code x[j * B + b]}). These convert, checking
 * each row's length against the policy's widths.
 */
final class FeatureMajor {
    private FeatureMajor() {}

    /** Rows {@code rows} of {@code inputs} (all when null, {@code b} of them), feature-major [width * b]. */
    static double[] gather(String policy, double[][] inputs, int[] rows, int b, int width) {
        double[] x = new double[width * b];
        for (int k = 0; k < b; k++) {
            double[] in = inputs[rows == null ? k : rows[k]];
            if (in.length != width)
                throw new IllegalArgumentException("policy " + policy + ": input " + (rows == null ? k : rows[k])
                        + " has length " + in.length + ", expected " + width);
            for (int j = 0; j < width; j++) x[j * b + k] = in[j];
        }
        return x;
    }

    /** Row-major floats [n][width] as feature-major doubles. */
    static double[] of(float[] rowMajor, int n, int width) {
        double[] x = new double[n * width];
        for (int b = 0; b < n; b++)
            for (int j = 0; j < width; j++) x[j * n + b] = rowMajor[b * width + j];
        return x;
    }

    /** Feature-major doubles [width * n] as row-major floats [n][width]. */
    static float[] toRowMajor(double[] fm, int n, int width) {
        float[] rm = new float[n * width];
        for (int j = 0; j < width; j++)
            for (int b = 0; b < n; b++) rm[b * width + j] = (float) fm[j * n + b];
        return rm;
    }
}
