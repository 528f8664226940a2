package sectar.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CpuInfo: the model name and the widest vector extension of the first processor listed. */
class CpuInfoTest {
    @Test
    void namesTheModelAndTheWidestExtensionOfTheFirstProcessor() {
        List<String> lines = List.of("processor\t: 0", "model name\t: AMD EPYC", "flags\t\t: fpu sse4_2 avx avx2 avx512f avx2",
                "", "processor\t: 1", "model name\t: Other", "flags\t\t: fpu");
        assertEquals("AMD EPYC, avx512f", CpuInfo.describe(lines));
        assertEquals("Intel Xeon, avx2", CpuInfo.describe(List.of("model name : Intel Xeon", "flags : sse4_2 avx avx2")));
    }

    @Test
    void unreadableEntriesAreNamedUnknownOrNone() {
        assertEquals("unknown, none", CpuInfo.describe(List.of("garbage", "flags : fpu")));
    }
}
