package dev.picket.sensor;

import dev.picket.sensor.audit.AuditRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

class SensorRulesTest {
    @TempDir
    Path host;

    @Test
    void onTheHostDirectoriesAreWatchedAsWholeTrees() {
        List<AuditRule> rules = SensorRules.all(1, Path.of("/"));
        assertThat(rules).filteredOn(r -> r.path() == null).hasSize(4); // exec, network, two refused-open rules
        assertThat(rules).extracting(AuditRule::path).contains("/etc/shadow", "/etc/passwd");
        assertThat(rules).allMatch(r -> AuditRule.KEY.equals(r.key()));
    }

    @Test
    void fromAPodTheHostsFilesAreNamedThroughItsRootAndDirectoriesWatchedThemselves() throws Exception {
        Files.createDirectories(host.resolve("etc/sudoers.d"));
        Files.createDirectories(host.resolve("root/.ssh"));
        List<AuditRule> rules = SensorRules.all(1, host);
        List<String> paths = rules.stream().map(AuditRule::path).filter(Objects::nonNull).toList();
        assertThat(paths).contains(host + "/etc/shadow", host + "/etc/sudoers.d", host + "/root/.ssh")
                .allMatch(p -> p.startsWith(host.toString()));
        assertThat(rules).noneMatch(AuditRule::subtree);
    }

    @Test
    void pathsWhoseDirectoryIsMissingAreNotWatched() {
        List<String> paths = SensorRules.all(1, host).stream().map(AuditRule::path).filter(Objects::nonNull).toList();
        assertThat(paths).isEmpty(); // an empty host root: no /etc, no /root/.ssh
    }
}
