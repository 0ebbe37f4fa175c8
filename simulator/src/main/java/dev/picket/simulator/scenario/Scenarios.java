package dev.picket.simulator.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The scenarios by name: the built-in ones (classpath {@code dev/picket/simulator/scenarios/NAME.yml}) and
 * any {@code *.yml} a user adds. A file either lists steps and expected alerts, or {@code include}s other
 * scenarios, whose steps run in order in one delivery and whose expectations are united.
 */
public final class Scenarios {
    /** The built-in scenarios, in the order {@code all} runs them and help lists them. */
    public static final List<String> BUILT_IN = List.of("recon", "lateral-movement", "secrets", "crypto", "webshell",
            "ti-domain", "all");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private record File(@JsonProperty(required = true) String name, String description, Delivery delivery,
                        List<Step> steps, List<Expectation> expect, List<String> include) {
    }

    private final Map<String, File> files = new LinkedHashMap<>();
    private final Map<String, String> origins = new LinkedHashMap<>();

    private Scenarios() {
    }

    public static Scenarios builtIn() {
        Scenarios scenarios = new Scenarios();
        for (String name : BUILT_IN) {
            String resource = "dev/picket/simulator/scenarios/" + name + ".yml";
            try (InputStream in = Scenarios.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException("missing built-in scenario " + resource);
                scenarios.add(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(resource + ": " + e.getMessage(), e);
            }
        }
        return scenarios;
    }

    /** These scenarios plus every {@code *.yml} in {@code dir}; a file may replace a built-in of the same name. */
    public Scenarios withDirectory(Path dir) {
        List<Path> yamls;
        try (Stream<Path> list = Files.list(dir)) {
            yamls = list.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new ScenarioException(dir + ": cannot list: " + e.getMessage());
        }
        for (Path yaml : yamls) {
            try {
                add(yaml.toString(), Files.readString(yaml));
            } catch (IOException e) {
                throw new ScenarioException(yaml + ": cannot read: " + e.getMessage());
            }
        }
        return this;
    }

    private void add(String origin, String text) {
        File file;
        try {
            file = YAML.readValue(text, File.class);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : null;
            String where = e instanceof JsonMappingException m ? path(m) : "";
            throw new ScenarioException(origin + ":" + line + ": " + where
                    + (cause != null ? cause.getMessage() : e.getOriginalMessage().lines().findFirst().orElse("")));
        }
        if (file == null) throw new ScenarioException(origin + ":1: empty scenario file");
        boolean includes = file.include() != null;
        if (includes == (file.steps() != null)) {
            throw new ScenarioException(origin + ":1: give either steps (with expect) or include, not " + (includes ? "both" : "neither"));
        }
        files.put(file.name(), file);
        origins.put(file.name(), origin);
    }

    /** Where in the document a mapping error is, as {@code steps[0]: }: Jackson's line is where it noticed, often further down. */
    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) out.append(out.isEmpty() ? "" : ".").append(r.getFieldName());
            else if (r.getIndex() >= 0) out.append('[').append(r.getIndex()).append(']');
        }
        return out.isEmpty() ? "" : out + ": ";
    }

    public List<String> names() {
        return List.copyOf(files.keySet());
    }

    /** The scenario ready to run, with included scenarios flattened. */
    public Scenario get(String name) {
        return resolve(name, new LinkedHashSet<>());
    }

    private Scenario resolve(String name, Set<String> visiting) {
        File file = files.get(name);
        if (file == null) throw new ScenarioException("no scenario '" + name + "' (known: " + String.join(", ", names()) + ")");
        if (!visiting.add(name)) throw new ScenarioException(origins.get(name) + ":1: includes itself through " + visiting);
        try {
            if (file.include() == null) {
                return new Scenario(name, file.description(), file.delivery() == null ? Delivery.ENCODED : file.delivery(),
                        file.steps(), file.expect() == null ? List.of() : file.expect());
            }
            List<Step> steps = new ArrayList<>();
            Map<String, Expectation> expect = new LinkedHashMap<>();
            for (String part : file.include()) {
                Scenario included = resolve(part, visiting);
                steps.addAll(included.steps());
                included.expect().forEach(e -> expect.putIfAbsent(e.id(), e));
            }
            return new Scenario(name, file.description(), Delivery.ENCODED, steps, List.copyOf(expect.values()));
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(origins.get(name) + ":1: " + e.getMessage());
        } finally {
            visiting.remove(name);
        }
    }
}
