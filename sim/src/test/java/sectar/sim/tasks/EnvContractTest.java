package sectar.sim.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import sectar.sim.Seeds;

/** Every registered task and instance passes {@link EnvChecker} (tasks merged later are covered too). */
class EnvContractTest {
    static Stream<Arguments> tasksAndInstances() {
        return Tasks.names().stream()
                .flatMap(name -> IntStream.range(0, Tasks.NUM_INSTANCES).mapToObj(k -> Arguments.of(name, k)));
    }

    @ParameterizedTest(name = "{0} instance {1}")
    @MethodSource("tasksAndInstances")
    void passesTheEnvChecker(String name, int k) {
        List<String> problems = EnvChecker.check(() -> Tasks.make(name, k), Tasks.expert(name, k),
                Seeds.derive(7, name + "/" + k));
        assertEquals(List.of(), problems);
    }
}
