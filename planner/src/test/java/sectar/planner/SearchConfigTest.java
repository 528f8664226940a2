package sectar.planner;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each search method is its own typed config: written with its method's name, read back the same, checked against the budget. */
class SearchConfigTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachMethodIsWrittenWithItsNameAndReadBackTheSame() throws Exception {
        for (SearchConfig s : List.of(new SearchConfig.Shooting(), new SearchConfig.Cem(4, 16, true), new SearchConfig.CmaEs(8, false))) {
            MpcConfig c = new MpcConfig(2, 640, 2, 20, 0.99, 0.05, s, false, 5, 0);
            String json = JSON.writeValueAsString(c);
            assertEquals(c, JSON.readValue(json, MpcConfig.class), json);
        }
        assertEquals("{\"method\":\"cmaes\",\"generations\":8,\"warmStart\":false}", JSON.writeValueAsString(new SearchConfig.CmaEs(8, false)));
        assertEquals(List.of("shooting", "cem", "cmaes"), SearchConfig.methods());
    }

    @Test
    void everyMethodSpendsTheCandidatesAndRefusesSettingsThatDoNotFit() {
        for (SearchConfig s : List.of(new SearchConfig.Shooting(), new SearchConfig.Cem(4, 16, false), new SearchConfig.CmaEs(4, false)))
            assertEquals(640, s.create(640).evaluationsPerProblem(), s.toString());
        String e = assertThrows(IllegalArgumentException.class,
                () -> new MpcConfig(2, 16, 2, 20, 0.99, 0, new SearchConfig.CmaEs(9, false), false, 0, 0)).getMessage();
        assertTrue(e.contains("mpc.search.generations must leave a population >= 2 of 16 candidates, got 9"), e);
        e = assertThrows(IllegalArgumentException.class,
                () -> new MpcConfig(2, 16, 2, 20, 0.99, 0, new SearchConfig.Cem(4, 5, false), false, 0, 0)).getMessage();
        assertTrue(e.contains("mpc.search.elites must be in [1, 4], got 5"), e);
        e = assertThrows(com.fasterxml.jackson.databind.JsonMappingException.class, () -> JSON.readValue("{\"method\":\"grid\"}", SearchConfig.class)).getMessage();
        assertTrue(e.contains("grid"), e);
    }
}
