package dev.picket.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.picket.engine.rule.RuleError;
import dev.picket.engine.rule.RuleLoadException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of a rule tree's placeholders (the {@code expand} modifier's {@code %name%}), from its
 * {@code config/} folder: {@code placeholders.yml} maps each name to a list of values, and each
 * {@code ti/NAME.txt} adds one value per line under {@code NAME} ({@code #} starts a comment).
 */
final class Placeholders {
    static final String FILE = "placeholders.yml";
    static final String TI = "ti/";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Placeholders() {
    }

    /**
     * @param dir   the config folder's name as errors print it ({@code rules/sigma/config})
     * @param files path inside the config folder ({@code placeholders.yml}, {@code ti/x.txt}) to text;
     *              other files are ignored
     * @throws RuleLoadException when placeholders.yml is not a map of lists, with the line of each problem
     */
    static Map<String, List<String>> read(String dir, Map<String, String> files) throws RuleLoadException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String yml = files.get(FILE);
        if (yml != null) readYaml(dir + "/" + FILE, yml, out);
        files.forEach((name, text) -> {
            if (!name.startsWith(TI) || !name.endsWith(".txt")) return;
            String key = name.substring(TI.length(), name.length() - ".txt".length());
            List<String> values = out.computeIfAbsent(key, k -> new ArrayList<>());
            text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(values::add);
        });
        return out;
    }

    private static void readYaml(String file, String text, Map<String, List<String>> out) throws RuleLoadException {
        List<RuleError> errors = new ArrayList<>();
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) return;
            if (first != JsonToken.START_OBJECT) {
                throw new RuleLoadException(List.of(new RuleError(file, line(p), "placeholders are a map of name to list of values")));
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                int at = line(p);
                JsonNode values = YAML.readTree(p);
                if (!values.isArray()) {
                    errors.add(new RuleError(file, at, "placeholder '" + name + "' is not a list"));
                    continue;
                }
                List<String> list = out.computeIfAbsent(name, k -> new ArrayList<>());
                values.forEach(v -> list.add(v.asText()));
            }
        } catch (JsonProcessingException e) {
            int at = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            errors.add(new RuleError(file, at, "not valid YAML: " + e.getOriginalMessage()));
        } catch (IOException e) {
            errors.add(new RuleError(file, 1, "cannot read: " + e.getMessage()));
        }
        if (!errors.isEmpty()) throw new RuleLoadException(errors);
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }
}
