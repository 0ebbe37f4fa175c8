package dev.picket.server.admission;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.picket.engine.rule.Severity;
import dev.picket.server.config.ConfigException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which mode applies to an object under admission: the first scope whose namespaces (exact names or
 * {@code prefix*}) and object labels ({@code matchLabels}) fit, else the default. Namespaces in
 * {@code exemptNamespaces} are not judged at all - by default the system namespaces and Picket's own,
 * so a broken policy cannot stop the control plane or the webhook's own rollout. Rule-level exemptions
 * are Sigma filter files ({@code exemptions}), loaded with the rules.
 */
public record AdmissionPolicy(Set<String> exemptNamespaces, List<Scope> scopes, Scope fallback, List<Path> exemptions) {
    public static final Set<String> DEFAULT_EXEMPT = Set.of("kube-system", "kube-public", "kube-node-lease", "picket");

    public AdmissionPolicy {
        exemptNamespaces = Set.copyOf(exemptNamespaces);
        scopes = List.copyOf(scopes);
        exemptions = List.copyOf(exemptions);
    }

    /** A namespace and label selection with its mode and the severity from which findings count. */
    public record Scope(List<String> namespaces, Map<String, String> labels, Mode mode, Severity severity) {
        public Scope {
            namespaces = List.copyOf(namespaces);
            labels = Map.copyOf(labels);
        }

        boolean selects(String namespace, Map<String, String> objectLabels) {
            boolean ns = namespaces.isEmpty() || namespaces.stream().anyMatch(n -> n.endsWith("*")
                    ? namespace != null && namespace.startsWith(n.substring(0, n.length() - 1)) : n.equals(namespace));
            return ns && labels.entrySet().stream().allMatch(l -> l.getValue().equals(objectLabels.get(l.getKey())));
        }
    }

    /** Audit everything from medium up; system namespaces and {@code picket} exempt. */
    public static AdmissionPolicy defaults() {
        return new AdmissionPolicy(DEFAULT_EXEMPT, List.of(), new Scope(List.of(), Map.of(), Mode.AUDIT, Severity.MEDIUM), List.of());
    }

    public boolean exempt(String namespace) {
        return namespace != null && exemptNamespaces.contains(namespace);
    }

    public Scope scope(String namespace, Map<String, String> labels) {
        return scopes.stream().filter(s -> s.selects(namespace, labels)).findFirst().orElse(fallback);
    }

    /** @throws ConfigException naming the file and what is wrong */
    public static AdmissionPolicy load(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        PolicyFile f;
        try {
            f = yaml.readValue(file.toFile(), PolicyFile.class);
        } catch (JsonMappingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ConfigException(file + ":" + line + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
        if (f == null) throw new ConfigException(file + ": empty admission policy");
        Path base = file.toAbsolutePath().getParent();
        Scope fallback = f.defaults == null ? defaults().fallback() : f.defaults.scope(file);
        return new AdmissionPolicy(f.exemptNamespaces == null ? DEFAULT_EXEMPT : Set.copyOf(f.exemptNamespaces),
                f.scopes == null ? List.of() : f.scopes.stream().map(s -> s.scope(file)).toList(), fallback,
                f.exemptions == null ? List.of() : f.exemptions.stream().map(base::resolve).toList());
    }

    private static final class PolicyFile {
        @JsonProperty List<String> exemptNamespaces;
        @JsonProperty ScopeFile defaults;
        @JsonProperty List<ScopeFile> scopes;
        @JsonProperty List<String> exemptions;
    }

    private static final class ScopeFile {
        @JsonProperty List<String> namespaces;
        @JsonProperty Map<String, String> labels;
        @JsonProperty String mode;
        @JsonProperty String severity;

        Scope scope(Path file) {
            if (mode == null) throw new ConfigException(file + ": every scope needs a mode (enforce, warn or audit)");
            Mode m;
            Severity s;
            try {
                m = Mode.valueOf(mode.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(file + ": unknown mode '" + mode + "' (expected enforce, warn or audit)");
            }
            try {
                s = severity == null ? Severity.MEDIUM : Severity.parse(severity);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(file + ": " + e.getMessage());
            }
            return new Scope(namespaces == null ? List.of() : namespaces, labels == null ? Map.of() : labels, m, s);
        }
    }
}
