package sectar.agent.loop;

/**
 * A training quantity (a loss, or a reward computed by the model) became NaN or infinite: the model
 * diverged. Training loops stop on it and leave their last good checkpoint as it was.
 */
public final class NonFiniteLossException extends RuntimeException {
    public NonFiniteLossException(String message) {
        super(message);
    }

    /** Throws when any value of {@code values} is not finite, naming {@code what} and the value. */
    static void check(String what, float[] values) {
        for (float v : values)
            if (!Float.isFinite(v)) throw new NonFiniteLossException(what + " became " + v + ": the model diverged");
    }
}
