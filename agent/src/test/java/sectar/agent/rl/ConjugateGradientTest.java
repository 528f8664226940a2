package sectar.agent.rl;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class ConjugateGradientTest {
    @Test
    void solvesASymmetricPositiveDefiniteSystem() {
        double[][] a = {{4, 1, 0}, {1, 3, 1}, {0, 1, 2}};
        double[] xTrue = {1, -2, 0.5};
        double[] b = new double[3];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) b[i] += a[i][j] * xTrue[j];
        double[] x = ConjugateGradient.solve(v -> {
            double[] out = new double[3];
            for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) out[i] += a[i][j] * v[j];
            return out;
        }, b, 10, 1e-20);
        assertArrayEquals(xTrue, x, 1e-9);
    }

    @Test
    void linearBaselineFitsAFunctionOfItsFeatures() {
        LinearFeatureBaseline base = new LinearFeatureBaseline(1);
        int n = 200;
        double[][] obs = new double[n][1];
        int[] t = new int[n];
        double[] ret = new double[n];
        for (int i = 0; i < n; i++) {
            obs[i][0] = Math.sin(i);
            t[i] = i % 50;
            ret[i] = 2 * obs[i][0] - obs[i][0] * obs[i][0] + 0.03 * t[i] + 1;
        }
        base.fit(obs, t, ret);
        for (int i = 0; i < n; i += 37) assertEquals(ret[i], base.predict(obs[i], t[i]), 1e-3);
    }
}
