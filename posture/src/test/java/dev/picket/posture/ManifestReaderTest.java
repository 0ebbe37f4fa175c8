package dev.picket.posture;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestReaderTest {
    private final List<KubeObject> objects = new ArrayList<>();
    private final List<ManifestError> errors = new ArrayList<>();

    private void read(String text) {
        ManifestReader.read("m.yaml", text, objects::add, errors::add);
    }

    @Test
    void multi_document_yaml_gives_each_object_with_the_line_its_document_starts_on() {
        read("""
                # Source: chart/templates/a.yaml
                apiVersion: v1
                kind: Service
                metadata: {name: a}
                ---
                ---
                # Source: chart/templates/empty.yaml
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: b, namespace: shop}
                """);
        assertThat(errors).isEmpty();
        assertThat(objects).extracting(KubeObject::reference, KubeObject::where)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Service/a", "m.yaml:1"),
                        org.assertj.core.groups.Tuple.tuple("Deployment/shop/b", "m.yaml:9"));
    }

    @Test
    void a_broken_document_is_reported_at_its_line_and_the_next_one_is_still_read() {
        read("""
                apiVersion: v1
                kind: Service
                metadata: {name: a}
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: [unclosed
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c}
                """);
        assertThat(objects).extracting(KubeObject::name).containsExactly("a", "c");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).line()).isBetween(8, 9);
        assertThat(errors.get(0).toString()).startsWith("m.yaml:").contains("not valid YAML or JSON");
    }

    @Test
    void list_kinds_are_flattened_and_json_reads_as_well() {
        read("""
                {"apiVersion": "v1", "kind": "List", "items": [
                  {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "a"}},
                  {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding", "metadata": {"name": "b"}}]}
                """);
        assertThat(errors).isEmpty();
        assertThat(objects).extracting(KubeObject::reference).containsExactly("Service/a", "ClusterRoleBinding/b");
    }

    @Test
    void component_configuration_beside_manifests_is_not_judged_and_not_an_error() {
        read("""
                apiVersion: audit.k8s.io/v1
                kind: Policy
                rules: [{level: Metadata}]
                ---
                apiVersion: apiserver.config.k8s.io/v1
                kind: AdmissionConfiguration
                plugins: []
                ---
                apiVersion: v1
                kind: Config
                users: []
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: real}
                """);
        assertThat(errors).isEmpty();
        assertThat(objects).extracting(KubeObject::reference).containsExactly("ConfigMap/real");
    }

    @Test
    void documents_that_are_not_kubernetes_objects_are_errors_not_silently_dropped() {
        read("""
                just: a map
                ---
                - a list
                ---
                apiVersion: v1
                kind: Pod
                metadata: {}
                """);
        assertThat(objects).isEmpty();
        assertThat(errors).extracting(ManifestError::line).containsExactly(1, 3, 5);
        assertThat(errors.get(0).reason()).contains("kind and apiVersion");
        assertThat(errors.get(2).reason()).contains("metadata.name");
    }
}
