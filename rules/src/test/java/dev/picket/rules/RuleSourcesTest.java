package dev.picket.rules;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.Engine;
import dev.picket.engine.Match;
import dev.picket.engine.event.Event;
import dev.picket.engine.event.LogSource;
import dev.picket.engine.event.Origin;
import dev.picket.engine.rule.RuleLoadException;
import dev.picket.engine.sigma.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RuleSourcesTest {
    private static final String SHELL_RULE = """
            title: Shell
            id: 6c1f4a52-1111-4222-8333-444455556666
            name: test-shell
            level: low
            logsource:
              product: linux
              category: process_creation
            detection:
              selection:
                Image|endswith|expand: '%shells%'
              condition: selection
            """;

    @TempDir
    Path dir;

    private BuiltinRules builtin() throws Exception {
        Path cp = dir.resolve("cp");
        BuiltinRulesTest.writeTree(cp);
        try (URLClassLoader loader = new URLClassLoader(new URL[]{cp.toUri().toURL()}, null)) {
            return BuiltinRules.load(loader);
        }
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    @Test
    void userFilesKeepThePathTheyWereGivenBy() throws Exception {
        Path rule = write("mine/shell.yml", SHELL_RULE);
        RuleSources sources = new RuleSources(builtin()).addFiles(List.of(dir.resolve("mine")));
        assertThat(sources.sources()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo(rule.toString());
            assertThat(s.builtin()).isFalse();
        });
        RuleSet set = sources.build();
        assertThat(set.rules()).extracting(r -> r.file()).containsExactly(rule.toString());
    }

    @Test
    void filesOfACheckedOutBuiltinTreeCountAsBuiltin() throws Exception {
        write("rules/sigma/linux/shell.yml", SHELL_RULE);
        RuleSources sources = new RuleSources(builtin()).addFiles(List.of(dir.resolve("rules/sigma")));
        assertThat(sources.sources()).singleElement().satisfies(s -> assertThat(s.builtin()).isTrue());
    }

    @Test
    void aRuleFolderConfigReplacesBuiltinPlaceholderValues() throws Exception {
        write("mine/shell.yml", SHELL_RULE);
        write("mine/config/placeholders.yml", "shells:\n  - /fish\n");
        RuleSources sources = new RuleSources(builtin()).addFiles(List.of(dir.resolve("mine")));
        assertThat(sources.sources()).as("config is not rules").hasSize(1);
        Engine engine = new Engine(sources.build());
        assertThat(matches(engine, "/usr/bin/fish")).isEqualTo(1);
        assertThat(matches(engine, "/bin/sh")).as("the built-in value is replaced").isZero();
    }

    private static int matches(Engine engine, String image) {
        ObjectNode record = JsonNodeFactory.instance.objectNode().put("Image", image);
        List<Match> out = new ArrayList<>();
        engine.process(new Event(LogSource.linux("process_creation"), Instant.EPOCH, Origin.UNKNOWN, record), out::add);
        return out.size();
    }

    @Test
    void aBrokenFolderConfigIsALoadErrorWithItsLine() throws Exception {
        write("mine/shell.yml", SHELL_RULE);
        write("mine/config/placeholders.yml", "# shells\nshells: /fish\n");
        RuleSources sources = new RuleSources(builtin()).addFiles(List.of(dir.resolve("mine")));
        RuleLoadException e = catchThrowableOfType(RuleLoadException.class, sources::build);
        assertThat(e.errors()).singleElement().hasToString(dir.resolve("mine/config") + "/placeholders.yml:2: placeholder 'shells' is not a list");
    }

    @Test
    void findsTestsBesideBuiltinAndUserRules() throws Exception {
        write("mine/shell.yml", SHELL_RULE);
        Path tests = write("mine/shell.test.yml", "cases: []\n");
        RuleSources sources = new RuleSources(builtin()).addBuiltin().addFiles(List.of(dir.resolve("mine")));
        List<RuleSources.Source> all = sources.sources();
        assertThat(sources.testsOf(all.get(0)).name()).isEqualTo("rules/sigma/kubernetes/audit/a.test.yml");
        assertThat(sources.testsOf(all.get(1))).as("b.yml has no tests").isNull();
        assertThat(sources.testsOf(all.get(2)).name()).isEqualTo(tests.toString());
    }
}
