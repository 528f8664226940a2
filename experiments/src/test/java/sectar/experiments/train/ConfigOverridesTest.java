package sectar.experiments.train;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --set key=value} reaches every field of a run config and is validated like the record itself. */
class ConfigOverridesTest {
    private final SectarRunConfig cpu = (SectarRunConfig) Algorithm.sectar.preset(Preset.cpu, "waypoint", 0, 1, 20, 1);

    private SectarRunConfig set(String... sets) { return ConfigOverrides.apply(cpu, List.of(sets), SectarRunConfig.class); }

    @Test
    void nestedNumbersBooleansStringsAndArrays() {
        SectarRunConfig c = set("mpc.horizon=2", "mpc.candidates=640", "vaeStepsPerPass=15", "mpcToReplay=true",
                "mpc.search=cem", "model.policyHidden=32,48", "explorer.resetEntropy=1.1", "prior.learned=true");
        assertEquals(2, c.mpc().horizon());
        assertEquals(640, c.mpc().candidates());
        assertEquals(15, c.vaeStepsPerPass());
        assertTrue(c.mpcToReplay());
        assertEquals(sectar.planner.SearchMethod.cem, c.mpc().search());
        assertArrayEquals(new int[] {32, 48}, c.model().policyHidden());
        assertEquals(1.1, c.explorer().resetEntropy());
        assertTrue(c.prior().learned());
        assertEquals(cpu.model().latentDim(), c.model().latentDim(), "untouched fields keep the preset's values");
    }

    @Test
    void cmaesIsASearchWord() {
        SectarRunConfig c = set("mpc.search=cmaes");
        assertEquals(sectar.planner.SearchMethod.cmaes, c.mpc().search());
        assertInstanceOf(sectar.planner.CmaEsSearch.class, c.mpc().newSearch());
        assertEquals(cpu.mpc().newSearch().evaluationsPerProblem(), c.mpc().newSearch().evaluationsPerProblem());
    }

    @Test
    void noSetsIsTheSameConfig() {
        assertSame(cpu, ConfigOverrides.apply(cpu, List.of(), SectarRunConfig.class));
    }

    @Test
    void badKeysAndValuesNameWhatWasExpected() {
        String noField = assertThrows(IllegalArgumentException.class, () -> set("mpc.horizn=2")).getMessage();
        assertTrue(noField.contains("horizn") && noField.contains("horizon"), noField);
        String noSection = assertThrows(IllegalArgumentException.class, () -> set("planner.horizon=2")).getMessage();
        assertTrue(noSection.contains("planner") && noSection.contains("mpc"), noSection);
        String notInt = assertThrows(IllegalArgumentException.class, () -> set("mpc.horizon=two")).getMessage();
        assertTrue(notInt.contains("two") && notInt.contains("integer"), notInt);
        String notBool = assertThrows(IllegalArgumentException.class, () -> set("mpcToReplay=yes")).getMessage();
        assertTrue(notBool.contains("true or false"), notBool);
        String invalid = assertThrows(IllegalArgumentException.class, () -> set("mpc.horizon=0")).getMessage();
        assertTrue(invalid.contains("mpc.horizon must be >= 1"), invalid);
        String noEq = assertThrows(IllegalArgumentException.class, () -> set("mpc.horizon")).getMessage();
        assertTrue(noEq.contains("key=value"), noEq);
    }
}
