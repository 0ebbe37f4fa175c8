package dev.picket.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RuleFilesTest {

    @Test
    void collectsYamlRecursivelyWithoutTestsOrConfig(@TempDir Path dir) throws Exception {
        for (String f : List.of("b/x.yml", "a/y.yaml", "a/y.test.yml", "config/placeholders.yml", "a/config/z.yml", "a/readme.md")) {
            Files.createDirectories(dir.resolve(f).getParent());
            Files.writeString(dir.resolve(f), "title: t\n");
        }
        assertThat(RuleFiles.collect(List.of(dir))).containsExactly(
                dir.resolve("a/config/z.yml"), dir.resolve("a/y.yaml"), dir.resolve("b/x.yml"));
    }

    @Test
    void takesAFileAsGiven(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("rule.txt");
        Files.writeString(f, "title: t\n");
        assertThat(RuleFiles.collect(List.of(f))).containsExactly(f);
    }

    @Test
    void namesTheTestFileOfARule() {
        assertThat(RuleFiles.testFileOf("rules/a.yml")).isEqualTo("rules/a.test.yml");
        assertThat(RuleFiles.testFileOf("rules/a.yaml")).isEqualTo("rules/a.test.yml");
    }
}
