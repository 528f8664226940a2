package sectar.experiments.cluster;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One embedded member standing for the coordinator, on the loopback interface, for the whole test class:
 * {@code @RegisterExtension static final TestMember member = new TestMember("x", port);}. The name carries
 * this JVM's pid, so test runs on one machine never join each other.
 */
final class TestMember implements BeforeAllCallback, AfterAllCallback {
    final String name;
    final int port;
    private HazelcastInstance hz;

    TestMember(String prefix, int port) {
        this.name = prefix + "-" + ProcessHandle.current().pid();
        this.port = port;
    }

    HazelcastInstance hz() { return hz; }

    String address() { return MemberConfig.LOOPBACK + ":" + port; }

    @Override public void beforeAll(ExtensionContext context) {
        hz = Hazelcast.newHazelcastInstance(MemberConfig.member(new MemberConfig.Settings(name, MemberConfig.LOOPBACK, port, List.of(address()))));
    }

    @Override public void afterAll(ExtensionContext context) {
        hz.getLifecycleService().shutdown();
    }
}
