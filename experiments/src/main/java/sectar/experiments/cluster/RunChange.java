package sectar.experiments.cluster;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.Map;

/**
 * One change to one run entry, run atomically on the coordinator (the member that owns the entry).
 * Each kind checks the state it expects first, so a worker that lost its claim can neither renew nor
 * settle the run, and returns the entry's epoch after the change, -1 when it refused, or {@link #NO_ENTRY}
 * when the run has no readable entry (lost, or not seeded yet by a coordinator just started). Time is the
 * coordinator's clock, the one every lease is counted in, unless a test gives {@code now}.
 *
 * <p>Sent in Hazelcast's identified format (a factory id and a class id, see {@link ClusterSerialization}):
 * a member builds only the classes its factory knows.
 */
public final class RunChange implements EntryProcessor<String, String, Long>, IdentifiedDataSerializable {
    static final int ID = 1;
    /** What a change returns for a run without a readable entry. */
    static final long NO_ENTRY = -2;

    /** What the change does. */
    enum Kind {
        /** Takes a claimable run under the next epoch. */
        CLAIM,
        /** Pushes the holder's lease on (and adopts a claim held for nobody under the same epoch). */
        RENEW,
        /** The holder's run finished. */
        FINISH,
        /** The holder's attempt failed. */
        FAIL,
        /** The holder gives the run back without an attempt. */
        RELEASE,
        /** The holder moves its claim to epoch {@code to}. */
        ADVANCE,
        /** A finished or failed run ({@code expect}) the folder does not confirm goes back to pending. */
        REOPEN,
        /** A failed run gets fresh attempts. */
        RETRY
    }

    private Kind kind;
    private String worker;
    private String member;
    private long epoch;
    /** CLAIM, RENEW: the lease in ms; ADVANCE: the new epoch. */
    private long value;
    private long now;
    private String text;
    private boolean flag;

    /** For the factory. */
    public RunChange() {}

    private RunChange(Kind kind, String worker, String member, long epoch, long value, long now, String text, boolean flag) {
        this.kind = kind;
        this.worker = worker;
        this.member = member;
        this.epoch = epoch;
        this.value = value;
        this.now = now;
        this.text = text;
        this.flag = flag;
    }

    static RunChange claim(String worker, String member, long leaseMillis, long now) { return new RunChange(Kind.CLAIM, worker, member, 0, leaseMillis, now, null, false); }

    static RunChange renew(String worker, String member, long epoch, long leaseMillis, long now) {
        return new RunChange(Kind.RENEW, worker, member, epoch, leaseMillis, now, null, false);
    }

    static RunChange finish(String worker, long epoch) { return new RunChange(Kind.FINISH, worker, null, epoch, 0, 0, null, false); }

    static RunChange fail(String worker, long epoch, String why, boolean userError) { return new RunChange(Kind.FAIL, worker, null, epoch, 0, 0, why, userError); }

    static RunChange release(String worker, long epoch) { return new RunChange(Kind.RELEASE, worker, null, epoch, 0, 0, null, false); }

    static RunChange advance(String worker, long epoch, long to) { return new RunChange(Kind.ADVANCE, worker, null, epoch, to, 0, null, false); }

    static RunChange reopen(RunEntry.Status expect) { return new RunChange(Kind.REOPEN, null, null, 0, 0, 0, expect.name(), false); }

    static RunChange retry() { return new RunChange(Kind.RETRY, null, null, 0, 0, 0, null, false); }

    @Override public Long process(Map.Entry<String, String> e) {
        RunEntry v = RunEntry.parse(e.getValue());
        if (v == null) return NO_ENTRY;
        RunEntry next = next(v, now > 0 ? now : System.currentTimeMillis());
        if (next == null) return -1L;
        e.setValue(next.json());
        return kind == Kind.CLAIM && next.status() != RunEntry.Status.CLAIMED ? -1L : next.epoch();
    }

    /** The entry after this change, or null when it does not apply to {@code v}. */
    private RunEntry next(RunEntry v, long t) {
        boolean holds = worker != null && v.heldBy(worker, epoch);
        return switch (kind) {
            case CLAIM -> v.claimable(t) ? v.claimedBy(worker, member, t, value) : null;
            case RENEW -> v.status() == RunEntry.Status.CLAIMED && v.epoch() == epoch && (v.worker() == null || v.worker().equals(worker))
                    ? v.renewedBy(worker, member, t, value) : null;
            case FINISH -> holds ? v.finished() : null;
            case FAIL -> holds ? v.attemptFailed(text, flag) : null;
            case RELEASE -> holds ? v.released() : null;
            case ADVANCE -> holds && value > epoch ? v.advancedTo(value) : null;
            case REOPEN -> v.status().name().equals(text) ? v.reopened() : null;
            case RETRY -> v.status() == RunEntry.Status.FAILED ? v.retried() : null;
        };
    }

    @Override public int getFactoryId() { return ClusterSerialization.FACTORY; }

    @Override public int getClassId() { return ID; }

    @Override public void writeData(ObjectDataOutput out) throws IOException {
        out.writeByte(kind.ordinal());
        out.writeString(worker);
        out.writeString(member);
        out.writeLong(epoch);
        out.writeLong(value);
        out.writeLong(now);
        out.writeString(text);
        out.writeBoolean(flag);
    }

    @Override public void readData(ObjectDataInput in) throws IOException {
        int k = in.readByte();
        if (k < 0 || k >= Kind.values().length) throw new IOException("unknown run change " + k);
        kind = Kind.values()[k];
        worker = in.readString();
        member = in.readString();
        epoch = in.readLong();
        value = in.readLong();
        now = in.readLong();
        text = in.readString();
        flag = in.readBoolean();
    }
}
