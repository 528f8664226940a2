package sectar.experiments.train;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import sectar.planner.CmaEsSearch;
import sectar.planner.SearchConfig;
import sectar.sim.tasks.Tasks;

/** {@code --set key=value} reaches every field of a run config and is validated like the record itself. */
class ConfigOverridesTest {
    private final SectarRunConfig cpu = set();

    /** The cpu preset on waypoint with {@code sets} applied, as {@code sectar train} builds it. */
    private static SectarRunConfig set(String... sets) {
        return (SectarRunConfig) Presets.build(Algorithm.sectar, Preset.cpu, Tasks.instance("waypoint", 0), 1, 20, 1, List.of(sets));
    }

    @Test
    void nestedNumbersBooleansStringsAndArrays() {
        SectarRunConfig c = set("mpc.horizon=2", "mpc.candidates=640", "vaeStepsPerPass=15", "mpcToReplay=true",
                "model.policyHidden=32,48", "explorer.resetEntropy=1.1", "prior.learned=true");
        assertEquals(2, c.mpc().horizon());
        assertEquals(640, c.mpc().candidates());
        assertEquals(15, c.vaeStepsPerPass());
        assertTrue(c.mpcToReplay());
        assertArrayEquals(new int[] {32, 48}, c.model().policyHidden());
        assertEquals(1.1, c.explorer().resetEntropy());
        assertTrue(c.prior().learned());
        assertEquals(cpu.model().latentDim(), c.model().latentDim(), "untouched fields keep the preset's values");
    }

    @Test
    void aTypedChoiceTakesAMethodsNameThenItsOwnFields() {
        assertEquals(new SearchConfig.Shooting(), cpu.mpc().search());
        assertEquals(new SearchConfig.Cem(4, 16, false), set("mpc.search=cem").mpc().search(), "the preset's CEM settings");
        assertEquals(new SearchConfig.Cem(8, 5, true), set("mpc.search=cem", "mpc.search.iterations=8", "mpc.search.elites=5",
                "mpc.search.warmStart=true").mpc().search());
        SectarRunConfig c = set("mpc.search=cmaes", "mpc.search.generations=2");
        assertEquals(new SearchConfig.CmaEs(2, false), c.mpc().search());
        assertInstanceOf(CmaEsSearch.class, c.mpc().newSearch());
        assertEquals(cpu.mpc().newSearch().evaluationsPerProblem(), c.mpc().newSearch().evaluationsPerProblem(),
                "every method spends the planner's candidates");
    }

    @Test
    void theDecoderFitIsOffExceptWhereAScreenAdoptedItAndItsSetsAreValidated() {
        for (String task : Tasks.names())
            for (Preset p : Preset.values()) {
                SectarRunConfig c = (SectarRunConfig) Presets.build(Algorithm.sectar, p, Tasks.instance(task, 0), 1, 1, 1, List.of());
                boolean adopted = p == Preset.cpu && (task.equals("wheeled") || task.equals("block"));
                assertEquals(adopted, c.decoderFit().on(), task + " " + p + ": the released algorithm has no decoder fit; "
                        + "only wheeled's and block's cpu overlays adopted one");
                if (adopted) assertEquals(10, c.decoderFit().steps());
            }
        SectarRunConfig on = set("decoderFit.steps=5", "decoderFit.mpc=false");
        assertTrue(on.decoderFit().on());
        assertTrue(on.decoderFit().consistency() && !on.decoderFit().mpc());
        String noSource = assertThrows(IllegalArgumentException.class,
                () -> set("decoderFit.steps=5", "decoderFit.consistency=false", "decoderFit.mpc=false")).getMessage();
        assertTrue(noSource.contains("decoderFit.steps is 5 but no data source is on"), noSource);
        String negative = assertThrows(IllegalArgumentException.class, () -> set("decoderFit.steps=-1")).getMessage();
        assertTrue(negative.contains("decoderFit.steps must be >= 0 (0 = off), got -1"), negative);
        String rate = assertThrows(IllegalArgumentException.class, () -> set("decoderFit.learningRate=0")).getMessage();
        assertTrue(rate.contains("decoderFit.learningRate must be a finite number > 0, got 0.0"), rate);
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
        String noMethod = assertThrows(IllegalArgumentException.class, () -> set("mpc.search=grid")).getMessage();
        assertTrue(noMethod.contains("grid") && noMethod.contains("[shooting, cem, cmaes]"), noMethod);
        String noShootingField = assertThrows(IllegalArgumentException.class, () -> set("mpc.search.elites=4")).getMessage();
        assertTrue(noShootingField.contains("elites"), noShootingField);
        String tooFew = assertThrows(IllegalArgumentException.class, () -> set("mpc.search=cem", "mpc.search.elites=500"))
                .getMessage();
        assertTrue(tooFew.contains("mpc.search.elites must be in [1, 160], got 500"), tooFew);
    }

    @Test
    void theLearnedPriorsLeversAreOffByDefaultAndValidated() {
        assertEquals(0.0, cpu.mpc().priorPenalty(), "the trust region is off");
        assertEquals("progress", cpu.prior().source());
        SectarRunConfig on = set("mpc.priorPenalty=0.1", "prior.learned=true", "prior.source=plans");
        assertEquals(0.1, on.mpc().priorPenalty());
        assertTrue(on.prior().fromPlans());
        String negative = assertThrows(IllegalArgumentException.class, () -> set("mpc.priorPenalty=-1")).getMessage();
        assertTrue(negative.contains("mpc.priorPenalty must be >= 0") && negative.contains("-1"), negative);
        String source = assertThrows(IllegalArgumentException.class, () -> set("prior.source=chosen")).getMessage();
        assertTrue(source.contains("prior.source must be \"progress\" or \"plans\", got \"chosen\""), source);
    }
}
