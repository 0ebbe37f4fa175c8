package dev.picket.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.picket.cli.Samples.write;
import static org.assertj.core.api.Assertions.assertThat;

/** The serve command's refusals; the running server is tested in the server module. */
class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void aConfigFileErrorIsReportedWithItsLineAndExits2() throws Exception {
        Path config = write(dir, "picket.yaml", "port: 1\nstore:\n  retention: forever\n");
        Cli cli = Cli.run("serve", "--config", config.toString(), "--data", dir.resolve("data").toString());
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains("store.retention: 'forever' does not start with a number");
    }

    @Test
    void aMissingConfigFileIsNamed() {
        Cli cli = Cli.run("serve", "--config", dir.resolve("nope.yaml").toString());
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains("nope.yaml: no such file");
    }

    @Test
    void aRuleThatDoesNotLoadStopsItWithFileAndLine() throws Exception {
        Path rules = write(dir, "rules/broken.yml", "title: broken\nlogsource: {product: linux}\ndetection:\n  condition: nothing\n");
        Path config = write(dir, "picket.yaml", "token: t0ken-for-tests\nrules: [rules]\n");
        Cli cli = Cli.run("serve", "--config", config.toString(), "--data", dir.resolve("data").toString(), "--port", "0");
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains(rules.toString() + ":");
    }
}
