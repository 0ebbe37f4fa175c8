package dev.picket.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Usage errors of {@code picket sensor}, found before anything touches the kernel. */
class SensorCommandTest {
    @TempDir
    Path dir;

    @Test
    void serverAndOutputExcludeEachOther() {
        Cli r = Cli.run("sensor", "--server", "http://127.0.0.1:1", "--output", "-");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--server and --output exclude each other");
    }

    @Test
    void aMissingTokenFileIsNamed() {
        Path missing = dir.resolve("token");
        Cli r = Cli.run("sensor", "--server", "http://127.0.0.1:1", "--token-file", missing.toString(), "--spool", dir.resolve("spool").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("cannot read the token file " + missing);
    }

    @Test
    void helpNamesEveryOption() {
        Cli r = Cli.run("sensor", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--server", "--token-file", "--output", "--spool");
    }
}
