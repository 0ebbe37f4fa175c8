package dev.picket.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BuiltinRulesTest {

    /** A rule tree as the rules module packages it, under dev/picket/rules/sigma. */
    static void writeTree(Path classpathRoot) throws Exception {
        Path sigma = classpathRoot.resolve(BuiltinRules.ROOT);
        write(sigma.resolve("kubernetes/audit/a.yml"), "title: A\n");
        write(sigma.resolve("kubernetes/audit/a.test.yml"), "cases: []\n");
        write(sigma.resolve("linux/b.yml"), "title: B\n");
        write(sigma.resolve("linux/notes.md"), "# not a rule\n");
        write(sigma.resolve("config/placeholders.yml"), "# values\nshells:\n  - /sh\n  - /bash\nminers: [xmrig]\n");
        write(sigma.resolve("config/ti/miners.txt"), "# a comment\nnbminer\n\n  t-rex  \n");
    }

    private static void write(Path p, String text) throws Exception {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static BuiltinRules fromDirectory(Path dir) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[]{dir.toUri().toURL()}, null)) {
            return BuiltinRules.load(loader);
        }
    }

    @Test
    void listsRuleFilesBySourcePathLeavingOutTestsConfigAndOtherFiles(@TempDir Path dir) throws Exception {
        writeTree(dir);
        BuiltinRules rules = fromDirectory(dir);
        assertThat(rules.rules()).extracting(BuiltinRules.RuleFile::name)
                .containsExactly("rules/sigma/kubernetes/audit/a.yml", "rules/sigma/linux/b.yml");
        assertThat(rules.rules().get(0).text()).isEqualTo("title: A\n");
    }

    @Test
    void findsTheTestsBesideARule(@TempDir Path dir) throws Exception {
        writeTree(dir);
        BuiltinRules rules = fromDirectory(dir);
        assertThat(rules.testsOf("rules/sigma/kubernetes/audit/a.yml")).get()
                .extracting(BuiltinRules.RuleFile::name).isEqualTo("rules/sigma/kubernetes/audit/a.test.yml");
        assertThat(rules.testsOf("rules/sigma/linux/b.yml")).isEmpty();
    }

    @Test
    void mergesThreatIntelligenceListsIntoPlaceholders(@TempDir Path dir) throws Exception {
        writeTree(dir);
        Map<String, List<String>> p = fromDirectory(dir).placeholders();
        assertThat(p).containsEntry("shells", List.of("/sh", "/bash"));
        assertThat(p).containsEntry("miners", List.of("xmrig", "nbminer", "t-rex"));
    }

    @Test
    void readsTheContentFromAJar(@TempDir Path dir) throws Exception {
        Path tree = dir.resolve("tree");
        writeTree(tree);
        Path jar = dir.resolve("rules.jar");
        try (FileSystem zip = FileSystems.newFileSystem(jar, Map.of("create", "true"))) {
            try (var walk = Files.walk(tree)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    Path target = zip.getPath("/" + tree.relativize(p).toString().replace('\\', '/'));
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target);
                }
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL()}, null)) {
            BuiltinRules rules = BuiltinRules.load(loader);
            assertThat(rules.rules()).hasSize(2);
            assertThat(rules.placeholders()).containsKey("shells");
        }
    }

    @Test
    void noContentMeansNoRules(@TempDir Path dir) throws Exception {
        assertThat(fromDirectory(dir).rules()).isEmpty();
        assertThat(fromDirectory(dir).placeholders()).isEmpty();
    }

    @Test
    void aPlaceholderThatIsNotAListIsAPackagingDefect(@TempDir Path dir) throws Exception {
        write(dir.resolve(BuiltinRules.ROOT + "/config/placeholders.yml"), "shells: /sh\n");
        BuiltinRules rules = fromDirectory(dir);
        assertThatThrownBy(rules::placeholders).hasMessage("rules/sigma/config/placeholders.yml:1: placeholder 'shells' is not a list");
    }
}
