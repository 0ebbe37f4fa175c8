package dev.picket.posture;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads Kubernetes manifests: YAML or JSON files, each possibly holding several documents (as Helm
 * and Kustomize render them), {@code List} kinds flattened to their items; folders are walked for
 * {@code .yaml}, {@code .yml} and {@code .json} files. Documents are split on {@code ---} lines and
 * parsed one by one, so a broken document is reported as FILE:LINE and the ones after it are still read.
 */
public final class ManifestReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ManifestReader() {
    }

    /** Every file a path names: the file itself, or a folder's manifest files in name order. */
    public static List<Path> files(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            if (!Files.exists(path)) throw new java.nio.file.NoSuchFileException(path.toString());
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.(ya?ml|json)$"))
                    .sorted().toList();
        }
    }

    public static void read(Path file, Consumer<KubeObject> objects, Consumer<ManifestError> errors) throws IOException {
        read(file.toString(), Files.readString(file, StandardCharsets.UTF_8), objects, errors);
    }

    public static void read(String source, String text, Consumer<KubeObject> objects, Consumer<ManifestError> errors) {
        String[] lines = text.split("\r?\n", -1);
        StringBuilder doc = new StringBuilder();
        int start = 1;
        for (int i = 0; i < lines.length; i++) {
            if (isSeparator(lines[i])) {
                document(source, start, doc.toString(), objects, errors);
                doc.setLength(0);
                start = i + 2;
                // "--- {…}" or "--- key: v" carries content on the separator line itself.
                String rest = lines[i].length() > 3 ? lines[i].substring(3).strip() : "";
                if (!rest.isEmpty() && !rest.startsWith("#")) {
                    doc.append(rest).append('\n');
                    start = i + 1;
                }
            } else if (lines[i].equals("...")) {
                continue; // end-of-document marker: the next "---" or the end closes it
            } else {
                doc.append(lines[i]).append('\n');
            }
        }
        document(source, start, doc.toString(), objects, errors);
    }

    private static boolean isSeparator(String line) {
        return line.startsWith("---") && (line.length() == 3 || Character.isWhitespace(line.charAt(3)));
    }

    private static void document(String source, int start, String text, Consumer<KubeObject> objects,
                                 Consumer<ManifestError> errors) {
        if (text.isBlank()) return;
        JsonNode node;
        try {
            node = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null || at.getLineNr() < 1 ? start : start + at.getLineNr() - 1;
            errors.accept(new ManifestError(source, line, "not valid YAML or JSON: " + e.getOriginalMessage()));
            return;
        } catch (IOException e) {
            errors.accept(new ManifestError(source, start, "cannot read document: " + e.getMessage()));
            return;
        }
        if (node == null || node.isNull() || node.isMissingNode()) return; // only comments, as Helm leaves them
        object(source, start, node, objects, errors);
    }

    /**
     * Files in Kubernetes form that configure a component rather than describe an API object (audit
     * policies, admission and kubelet configuration, kubeconfigs) sit beside manifests; nothing
     * in them is admitted into the cluster, so there is nothing to judge.
     */
    private static boolean componentConfiguration(String kind, String apiVersion) {
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        return group.equals("audit.k8s.io") || group.endsWith(".config.k8s.io") || group.equals("kubeadm.k8s.io")
                || (kind.equals("Config") && apiVersion.equals("v1"));
    }

    private static void object(String source, int line, JsonNode node, Consumer<KubeObject> objects,
                               Consumer<ManifestError> errors) {
        if (!node.isObject()) {
            errors.accept(new ManifestError(source, line, "a manifest document is an object with kind and apiVersion"));
            return;
        }
        String kind = node.path("kind").asText("");
        if (kind.isEmpty() || node.path("apiVersion").asText("").isEmpty()) {
            errors.accept(new ManifestError(source, line, "not a Kubernetes object (it needs kind and apiVersion); skipped"));
            return;
        }
        if (componentConfiguration(kind, node.path("apiVersion").asText())) return;
        if (kind.endsWith("List") && node.path("items").isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.path("items").forEach(items::add);
            for (JsonNode item : items) object(source, line, item, objects, errors);
            return;
        }
        if (node.path("metadata").path("name").asText("").isEmpty()) {
            errors.accept(new ManifestError(source, line, kind + " has no metadata.name"));
            return;
        }
        objects.accept(new KubeObject((ObjectNode) node, source, line));
    }
}
