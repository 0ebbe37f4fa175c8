package dev.picket.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.picket.cli.Samples.write;
import static org.assertj.core.api.Assertions.assertThat;

/** The streams command's refusals; the running application is tested in the streams module. */
class StreamsCommandTest {
    @TempDir
    Path dir;

    @Test
    void everyConfigProblemIsReportedWithFileAndKeyAndExits2() throws Exception {
        Path config = write(dir, "streams.yaml", "threads: none\n");
        Cli cli = Cli.run("streams", "--config", config.toString());
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains(config + ": kafka.bootstrap.servers: required")
                .contains(config + ": threads: expected a whole number of at least 1, got 'none'");
    }

    @Test
    void aMissingConfigFileIsNamed() {
        Cli cli = Cli.run("streams", "--config", dir.resolve("nope.yaml").toString());
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains("nope.yaml: no such file");
    }

    @Test
    void aRuleThatDoesNotLoadStopsItWithFileAndLine() throws Exception {
        Path rules = write(dir, "rules/broken.yml", "title: broken\nlogsource: {product: linux}\ndetection:\n  condition: nothing\n");
        Path config = write(dir, "streams.yaml", "kafka: {bootstrap.servers: 'localhost:1'}\nrules: {paths: ['" + rules + "']}\n");
        Cli cli = Cli.run("streams", "--config", config.toString());
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains(rules.toString() + ":");
    }
}
