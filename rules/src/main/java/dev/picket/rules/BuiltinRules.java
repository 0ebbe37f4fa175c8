package dev.picket.rules;

import dev.picket.engine.rule.RuleLoadException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The built-in detection content, read from the classpath ({@code dev/picket/rules/sigma/**}) whether
 * it sits in a directory (a build tree) or in the rules jar. Rule files are {@code *.yml} outside
 * {@code config/}; {@code X.test.yml} beside {@code X.yml} holds X's test cases; the placeholder values
 * for the {@code expand} modifier are {@code config/placeholders.yml} plus one value per line of each
 * {@code config/ti/NAME.txt}, merged under {@code NAME}.
 */
public final class BuiltinRules {
    /** Where the content sits on the classpath. */
    static final String ROOT = "dev/picket/rules/sigma";
    /** Where the content sits in the source tree; built-in rule file names are given this way. */
    public static final String SOURCE_ROOT = "rules/sigma";
    private static final String CONFIG = "config";

    /**
     * One built-in file: {@code name} is its path in the source tree ({@code rules/sigma/kubernetes/
     * audit/audit-privileged-container.yml}), so errors point where a maintainer can fix them.
     */
    public record RuleFile(String name, String text) {
    }

    private final Map<String, String> files;

    private BuiltinRules(Map<String, String> files) {
        this.files = files;
    }

    /** Reads the content from this class's classpath. */
    public static BuiltinRules load() {
        return load(BuiltinRules.class.getClassLoader());
    }

    static BuiltinRules load(ClassLoader loader) {
        URL root = loader.getResource(ROOT);
        if (root == null) return new BuiltinRules(Map.of());
        try {
            URI uri = root.toURI();
            if (!"jar".equals(uri.getScheme())) return new BuiltinRules(read(Path.of(uri)));
            FileSystem jar;
            boolean opened = true;
            try {
                jar = FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                jar = FileSystems.getFileSystem(uri);
                opened = false;
            }
            try {
                return new BuiltinRules(read(jar.provider().getPath(uri)));
            } finally {
                if (opened) jar.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in rules at " + root, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unusable classpath location " + root, e);
        }
    }

    private static Map<String, String> read(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String relative = root.relativize(p).toString().replace('\\', '/');
                out.put(SOURCE_ROOT + "/" + relative, Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** Every rule file, by name. */
    public List<RuleFile> rules() {
        List<RuleFile> out = new ArrayList<>();
        files.forEach((name, text) -> {
            if (RuleFiles.isRuleFileName(name) && !name.startsWith(SOURCE_ROOT + "/" + CONFIG + "/")) {
                out.add(new RuleFile(name, text));
            }
        });
        return out;
    }

    /** The test cases file beside a rule file ({@code X.test.yml} for {@code X.yml}), if there is one. */
    public Optional<RuleFile> testsOf(String ruleFileName) {
        String name = RuleFiles.testFileOf(ruleFileName);
        return Optional.ofNullable(files.get(name)).map(text -> new RuleFile(name, text));
    }

    /**
     * Placeholder name to values, from {@code config/placeholders.yml} and {@code config/ti/*.txt}.
     *
     * @throws RuleLoadException when placeholders.yml is not a map of lists
     */
    public Map<String, List<String>> placeholders() throws RuleLoadException {
        String config = SOURCE_ROOT + "/" + CONFIG + "/";
        Map<String, String> configFiles = new TreeMap<>();
        files.forEach((name, text) -> {
            if (name.startsWith(config)) configFiles.put(name.substring(config.length()), text);
        });
        return Placeholders.read(SOURCE_ROOT + "/" + CONFIG, configFiles);
    }
}
