package dev.picket.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Rule files on disk, as {@code --rules PATH} and {@code rules lint|test PATH} name them: a file is
 * taken as given; a folder is searched recursively for {@code *.yml} and {@code *.yaml}, leaving out
 * rule tests ({@code *.test.yml}) and a top-level {@code config/} folder (placeholder values, threat
 * intelligence lists), so the built-in tree can be pointed at as it is.
 */
public final class RuleFiles {
    private RuleFiles() {
    }

    /** The rule files under the paths, each folder's in name order. */
    public static List<Path> collect(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.isDirectory(p)) {
                out.add(p);
                continue;
            }
            Path config = p.resolve("config");
            try (Stream<Path> walk = Files.walk(p)) {
                walk.filter(Files::isRegularFile)
                        .filter(f -> isRuleFileName(f.getFileName().toString()))
                        .filter(f -> !f.startsWith(config))
                        .sorted()
                        .forEach(out::add);
            }
        }
        return out;
    }

    static boolean isRuleFileName(String name) {
        return (name.endsWith(".yml") || name.endsWith(".yaml")) && !isTestFileName(name);
    }

    static boolean isTestFileName(String name) {
        return name.endsWith(".test.yml") || name.endsWith(".test.yaml");
    }

    /** {@code X.test.yml} for {@code X.yml} or {@code X.yaml}. */
    public static String testFileOf(String ruleFile) {
        int dot = ruleFile.lastIndexOf('.');
        return (dot < 0 ? ruleFile : ruleFile.substring(0, dot)) + ".test.yml";
    }
}
