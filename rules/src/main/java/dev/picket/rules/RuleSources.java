package dev.picket.rules;

import dev.picket.engine.rule.RuleLoadException;
import dev.picket.engine.sigma.RuleSet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The rule texts a command works on, each under the name its errors will carry: built-in files under
 * their source path ({@code rules/sigma/...}), user files under the path as given. Built into one
 * {@link RuleSet} with the built-in placeholder values, so user rules may use them too.
 */
public final class RuleSources {
    /**
     * One rule file. {@code builtin} is true for Picket's own content; {@code path} is where it was
     * read from on disk, null for the packaged content.
     */
    public record Source(String name, String text, boolean builtin, Path path) {
    }

    private final BuiltinRules builtin;
    private final List<Source> sources = new ArrayList<>();
    /** The config folders of the rule folders given, read at build time: folder name to its files. */
    private final Map<String, Map<String, String>> configs = new LinkedHashMap<>();

    public RuleSources(BuiltinRules builtin) {
        this.builtin = builtin;
    }

    /** Adds every built-in rule file. */
    public RuleSources addBuiltin() {
        builtin.rules().forEach(f -> sources.add(new Source(f.name(), f.text(), true, null)));
        return this;
    }

    /**
     * Adds the rule files under the paths ({@link RuleFiles#collect}). Files of the built-in tree
     * ({@code rules/sigma/} in a checkout) count as built-in. A folder's {@code config/} supplies
     * placeholder values that replace the built-in values of the same names.
     */
    public RuleSources addFiles(List<Path> paths) throws IOException {
        for (Path p : RuleFiles.collect(paths)) {
            sources.add(new Source(p.toString(), Files.readString(p, StandardCharsets.UTF_8), isBuiltinTree(p), p));
        }
        for (Path p : paths) {
            Path config = p.resolve("config");
            if (Files.isDirectory(p) && Files.isDirectory(config)) configs.put(config.toString(), readConfig(config));
        }
        return this;
    }

    private static Map<String, String> readConfig(Path config) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(config)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                files.put(config.relativize(f).toString().replace('\\', '/'), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    public List<Source> sources() {
        return List.copyOf(sources);
    }

    /** The test file beside a source, as a source of its own; null when there is none. */
    public Source testsOf(Source rule) throws IOException {
        if (rule.path() == null) {
            return builtin.testsOf(rule.name()).map(f -> new Source(f.name(), f.text(), true, null)).orElse(null);
        }
        Path tests = rule.path().resolveSibling(RuleFiles.testFileOf(rule.path().getFileName().toString()));
        if (!Files.isRegularFile(tests)) return null;
        return new Source(tests.toString(), Files.readString(tests, StandardCharsets.UTF_8), rule.builtin(), tests);
    }

    /** @throws RuleLoadException with every error of every file */
    public RuleSet build() throws RuleLoadException {
        Map<String, List<String>> placeholders = new LinkedHashMap<>(builtin.placeholders());
        for (Map.Entry<String, Map<String, String>> config : configs.entrySet()) {
            placeholders.putAll(Placeholders.read(config.getKey(), config.getValue()));
        }
        RuleSet.Builder b = RuleSet.builder().placeholders(placeholders);
        sources.forEach(s -> b.add(s.name(), s.text()));
        return b.build();
    }

    private static boolean isBuiltinTree(Path p) {
        String path = p.toAbsolutePath().normalize().toString().replace('\\', '/');
        return path.contains("/" + BuiltinRules.SOURCE_ROOT + "/");
    }
}
