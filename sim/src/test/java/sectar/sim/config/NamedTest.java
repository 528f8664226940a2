package sectar.sim.config;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Presets are built from named values: every field named once, unknown and missing names refused. */
class NamedTest {
    record Pair(int count, double weight) {
        Pair {
            if (count < 0) throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
    }

    @Test
    void namedValuesFillTheRecordInAnyOrderAndFromChangesOnlyWhatIsNamed() {
        Pair p = Named.of(Pair.class).set("weight", 0.5).set("count", 3).build();
        assertEquals(new Pair(3, 0.5), p);
        assertEquals(new Pair(3, 2.0), Named.from(p).set("weight", 2.0).build());
        assertEquals(new Pair(3, 7.0), Named.of(Pair.class).set("count", 3).set("weight", 7).build(), "an int widens to a double");
    }

    /** A preset's helper record is often private to its config class. */
    private record Hidden(int width) {}

    @Test
    void privateHelperRecordsCanBeBuiltAndCopied() {
        assertEquals(new Hidden(3), Named.from(Named.of(Hidden.class).set("width", 2).build()).set("width", 3).build());
    }

    @Test
    void unknownRepeatedMissingAndInvalidValuesAreRefusedByName() {
        String unknown = assertThrows(IllegalArgumentException.class, () -> Named.of(Pair.class).set("weigth", 1.0)).getMessage();
        assertTrue(unknown.contains("weigth") && unknown.contains("weight"), unknown);
        String twice = assertThrows(IllegalArgumentException.class,
                () -> Named.of(Pair.class).set("count", 1).set("count", 2)).getMessage();
        assertTrue(twice.contains("count"), twice);
        String missing = assertThrows(IllegalStateException.class, () -> Named.of(Pair.class).set("count", 1).build()).getMessage();
        assertTrue(missing.contains("weight"), missing);
        String invalid = assertThrows(IllegalArgumentException.class,
                () -> Named.of(Pair.class).set("count", -1).set("weight", 0.0).build()).getMessage();
        assertEquals("count must be >= 0, got -1", invalid, "the record's own check speaks");
    }
}
