package sectar.experiments.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster options' refusals: one {@code error:} line naming the value, exit 2, before any member starts. */
class ClusterCliTest {
    @Test
    void badClusterOptionsAreOneLineNamingTheValue(@TempDir Path tmp) {
        String out = tmp.resolve("c").toString();
        String missing = tmp.resolve("nowhere").toString();
        CliTest.assertUserError(CliTest.run("worker", "--campaign", missing, "--join", "host:port"), "host:port");
        CliTest.assertUserError(CliTest.run("worker", "--campaign", missing, "--join", ":5701"), ":5701");
        CliTest.assertUserError(CliTest.run("worker", "--campaign", missing, "--join", "127.0.0.1:70000"), "70000");
        CliTest.assertUserError(CliTest.run("worker", "--campaign", missing, "--slots", "0"), "--slots must be >= 1, got 0");
        CliTest.assertUserError(CliTest.run("worker", "--campaign", missing), "is not a folder");
        CliTest.assertUserError(CliTest.run("worker", "--campaign", tmp.toString()), "cluster.key does not exist");
        CliTest.assertUserError(CliTest.run("worker", "--join", "127.0.0.1"), "--campaign");
        CliTest.assertUserError(CliTest.run("experiment", "waypoint", "--cluster", "--port", "70000", "--out", out), "70000");
        CliTest.assertUserError(CliTest.run("experiment", "waypoint", "--cluster", "--lease-seconds", "0", "--out", out), "--lease-seconds must be >= 1, got 0.0");
        CliTest.assertUserError(CliTest.run("experiment", "waypoint", "--cluster", "--parallel", "2", "--out", out), "--slots");
        CliTest.assertUserError(CliTest.run("experiment", "waypoint", "--port", "5702", "--out", out), "need --cluster");
        CliTest.assertUserError(CliTest.run("experiment", "waypoint", "--status", "--out", out), "cluster.json");
        CliTest.assertUserError(CliTest.run("experiment", "waypoint", "--status"), "--out");
        CliTest.assertUserError(CliTest.run("experiment", "waypoint", "--cluster", "--bind", "192.0.2.1", "--out", out), "192.0.2.1");
        CliTest.assertUserError(CliTest.run("experiment", "waypoint", "--cluster", "--bind", "0.0.0.0", "--out", out), "0.0.0.0");
        CliTest.assertUserError(CliTest.run("experiment", "waypoint", "--cluster", "--cluster-name", "a b", "--out", out), "'a b'");
        assertFalse(Files.exists(tmp.resolve("c")), "refused options write nothing");
    }
}
