package dev.picket.sensor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.picket.sensor.RunningSensor.run;
import static dev.picket.sensor.RunningSensor.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The sensor against real processes on this machine: execs, sensitive files, connections. */
class SensorProcessTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static RunningSensor sensor;

    @BeforeAll
    static void start() throws InterruptedException {
        sensor = RunningSensor.start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (sensor != null) sensor.close();
    }

    @Test
    void capturesAtLeast99PercentOf1000ParallelShortLivedExecsWithTheirArguments() throws Exception {
        String marker = "picket-exec-" + UUID.randomUUID();
        long cpuBefore = sensor.cpuNanos();
        int exit = run("/bin/sh", "-c", "i=0; while [ $i -lt 1000 ]; do /bin/true " + marker + " $i & i=$((i+1)); done; wait");
        assertThat(exit).isZero();

        List<ObjectNode> execs = sensor.await(e -> "process_creation".equals(text(e, "category"))
                && text(e, "CommandLine") != null && text(e, "CommandLine").startsWith("/bin/true " + marker + " "), 1000, WAIT);
        System.out.printf("sensor thread CPU for 1000 execs: %.2f s; test JVM resident: %d MiB%n",
                (sensor.cpuNanos() - cpuBefore) / 1e9, ProcessCost.now().residentMiB());

        assertThat(execs.size()).isGreaterThanOrEqualTo(990);
        ObjectNode one = execs.getFirst();
        assertThat(text(one, "Image")).isEqualTo("/usr/bin/true");
        assertThat(text(one, "User")).isEqualTo("root");
        assertThat(one.get("host").asBoolean()).isTrue();
        assertThat(one.has("container")).isFalse();
        assertThat(text(one, "ParentImage")).endsWith("sh");
        assertThat(text(one, "ParentCommandLine")).contains(marker);
        assertThat(execs.stream().map(e -> text(e, "CommandLine").substring(marker.length() + 11)).distinct().count())
                .as("each exec's own argv").isGreaterThanOrEqualTo(990);
    }

    @Test
    void reportsAReadOfShadowAndADeniedWriteToARootOwnedFile() throws Exception {
        run("/bin/cat", "/etc/shadow");
        Path rootOwned = Files.createTempFile("picket-root-owned", ".txt");
        try {
            Files.setPosixFilePermissions(rootOwned, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            int exit = run("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "/bin/sh", "-c", "echo x >> " + rootOwned);
            assertThat(exit).as("the write is refused").isNotZero();

            List<ObjectNode> shadow = sensor.await(e -> "/etc/shadow".equals(text(e, "TargetFilename"))
                    && "/usr/bin/cat".equals(text(e, "Image")), 1, WAIT);
            assertThat(shadow).isNotEmpty();
            assertThat(text(shadow.getFirst(), "category")).isEqualTo("file_access");
            assertThat(text(shadow.getFirst(), "FileOperation")).isEqualTo("open");
            assertThat(text(shadow.getFirst(), "Result")).isEqualTo("ok");
            assertThat(shadow.getFirst().get("OpenFlags").toString()).contains("O_RDONLY");

            List<ObjectNode> denied = sensor.await(e -> rootOwned.toString().equals(text(e, "TargetFilename")), 1, WAIT);
            assertThat(denied).isNotEmpty();
            ObjectNode write = denied.getFirst();
            assertThat(text(write, "category")).isEqualTo("file_event");
            assertThat(text(write, "FileOperation")).isEqualTo("write");
            assertThat(text(write, "Result")).isEqualTo("denied");
            assertThat(text(write, "User")).isEqualTo("nobody");
            assertThat(write.get("OpenFlags").toString()).contains("O_WRONLY", "O_APPEND");
        } finally {
            Files.deleteIfExists(rootOwned);
        }
    }

    @Test
    void reportsARefusedCreateInARootOwnedDirectoryWithTheFileItWouldHaveCreated() throws Exception {
        Path dir = Files.createTempDirectory("picket-root-dir");
        try {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            Path refused = dir.resolve("ld.so.preload");
            int exit = run("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "/usr/bin/touch", refused.toString());
            assertThat(exit).as("the create is refused").isNotZero();

            List<ObjectNode> denied = sensor.await(e -> refused.toString().equals(text(e, "TargetFilename")), 1, WAIT);
            assertThat(denied).isNotEmpty();
            ObjectNode create = denied.getFirst();
            assertThat(text(create, "category")).isEqualTo("file_event");
            assertThat(text(create, "FileOperation")).isEqualTo("create");
            assertThat(text(create, "Result")).isEqualTo("denied");
            assertThat(text(create, "User")).isEqualTo("nobody");
            assertThat(create.get("OpenFlags").toString()).contains("O_WRONLY", "O_CREAT");
            assertThat(sensor.events(e -> dir.toString().equals(text(e, "TargetFilename"))))
                    .as("the parent directory is not taken for the file").isEmpty();
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void aReadOfAnUnwatchedFileIsNotReported() throws Exception {
        Path plain = Files.writeString(Files.createTempFile("picket-plain", ".txt"), "x");
        try {
            run("/bin/cat", plain.toString());
            run("/bin/cat", "/etc/shadow"); // a later watched read shows the sensor has caught up
            sensor.await(e -> "/etc/shadow".equals(text(e, "TargetFilename")), 2, WAIT);
            assertThat(sensor.events(e -> plain.toString().equals(text(e, "TargetFilename")))).isEmpty();
        } finally {
            Files.deleteIfExists(plain);
        }
    }

    @Test
    void reportsAConnectToAClosedLocalPort() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int exit = run("/bin/bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/" + port);
        assertThat(exit).as("nothing listens").isNotZero();

        List<ObjectNode> connects = sensor.await(e -> "network_connection".equals(text(e, "category"))
                && e.path("DestinationPort").asInt() == port, 1, WAIT);
        assertThat(connects).isNotEmpty();
        JsonNode c = connects.getFirst();
        assertThat(text(c, "DestinationIp")).isEqualTo("127.0.0.1");
        assertThat(c.get("Initiated").asBoolean()).isTrue();
        assertThat(text(c, "Result")).isEqualTo("error");
        assertThat(text(c, "Image")).isEqualTo("/usr/bin/bash");
    }

    @Test
    void reportsAnAcceptedInboundConnectionWithThePeerAndTheLocalPort() throws Exception {
        try (ServerSocket unused = new ServerSocket(0)) {
            int port = unused.getLocalPort();
            unused.close();
            Process server = new ProcessBuilder("/bin/busybox", "nc", "-l", "-p", Integer.toString(port), "127.0.0.1")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                Thread.sleep(300);
                // the client holds the connection, so the server still has it when its accept is read
                run("/bin/bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/" + port + "; sleep 1");
                List<ObjectNode> accepts = sensor.await(e -> "network_connection".equals(text(e, "category"))
                        && e.has("Initiated") && !e.get("Initiated").asBoolean()
                        && e.path("ProcessId").asLong() == server.pid(), 1, WAIT);
                assertThat(accepts).isNotEmpty();
                JsonNode accepted = accepts.getFirst();
                assertThat(text(accepted, "SourceIp")).isEqualTo("127.0.0.1");
                assertThat(accepted.path("DestinationPort").asInt()).isEqualTo(port);
                assertThat(text(accepted, "Image")).isEqualTo("/usr/bin/busybox");
            } finally {
                server.destroy();
            }
        }
    }

    @Test
    void leavesItsOwnActivityOut() throws Exception {
        run("/bin/cat", "/etc/shadow");
        Files.readAllBytes(Path.of("/etc/shadow")); // the sensor's own JVM reads it too
        sensor.await(e -> "/etc/shadow".equals(text(e, "TargetFilename")), 1, WAIT);
        Thread.sleep(500);
        long self = ProcessHandle.current().pid();
        assertThat(sensor.events(e -> e.path("ProcessId").asLong() == self)).isEmpty();
    }
}
