package dev.picket.engine.redact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void masksSecretDataButKeepsItsKeys() throws Exception {
        ObjectNode event = json("""
                {'objectRef': {'resource': 'secrets', 'name': 'db'},
                 'requestObject': {'kind': 'Secret', 'metadata': {'name': 'db'},
                                   'data': {'password': 'aHVudGVyMg=='}, 'stringData': {'user': 'admin'}}}""");
        JsonNode out = Redactor.redact(event);
        assertThat(out.at("/requestObject/data/password").asText()).isEqualTo("[REDACTED]");
        assertThat(out.at("/requestObject/stringData/user").asText()).isEqualTo("[REDACTED]");
        assertThat(out.at("/requestObject/metadata/name").asText()).isEqualTo("db");
    }

    @Test
    void masksSecretDataOfAnAuditResponseEvenWithoutKind() throws Exception {
        ObjectNode event = json("""
                {'objectRef': {'resource': 'secrets'}, 'responseObject': {'data': {'token': 'c2VjcmV0'}, 'type': 'Opaque'}}""");
        JsonNode out = Redactor.redact(event);
        assertThat(out.at("/responseObject/data/token").asText()).isEqualTo("[REDACTED]");
        assertThat(out.at("/responseObject/type").asText()).isEqualTo("Opaque");
    }

    @Test
    void masksEverySecretOfASecretList() throws Exception {
        ObjectNode event = json("""
                {'responseObject': {'kind': 'SecretList', 'items': [{'metadata': {'name': 'a'}, 'data': {'k': 'djE='}},
                                                                    {'metadata': {'name': 'b'}, 'data': {'k': 'djI='}}]}}""");
        JsonNode out = Redactor.redact(event);
        assertThat(out.at("/responseObject/items/0/data/k").asText()).isEqualTo("[REDACTED]");
        assertThat(out.at("/responseObject/items/1/data/k").asText()).isEqualTo("[REDACTED]");
    }

    @Test
    void masksSecretsOfAListResponseWithoutKind() throws Exception {
        ObjectNode event = json("""
                {'objectRef': {'resource': 'secrets'}, 'responseObject': {'items': [{'data': {'k': 'djE='}}]}}""");
        assertThat(Redactor.redact(event).at("/responseObject/items/0/data/k").asText()).isEqualTo("[REDACTED]");
    }

    @Test
    void dataOfAConfigMapIsNotASecretsData() throws Exception {
        ObjectNode event = json("""
                {'objectRef': {'resource': 'configmaps'}, 'requestObject': {'kind': 'ConfigMap', 'data': {'mode': 'fast'}}}""");
        assertThat(Redactor.redact(event)).isSameAs(event);
    }

    @Test
    void masksSecretsInsideTheLastAppliedAnnotation() throws Exception {
        String applied = "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"data\":{\"password\":\"aHVudGVyMg==\"},\"metadata\":{\"name\":\"db\"}}";
        ObjectNode event = JSON.createObjectNode();
        event.putObject("requestObject").put("kind", "Secret").putObject("metadata").putObject("annotations")
                .put("kubectl.kubernetes.io/last-applied-configuration", applied);
        JsonNode out = Redactor.redact(event);
        String annotation = out.at("/requestObject/metadata/annotations").get("kubectl.kubernetes.io/last-applied-configuration").asText();
        assertThat(annotation).doesNotContain("aHVudGVyMg==").contains("\"password\":\"[REDACTED]\"").contains("\"name\":\"db\"");
    }

    @Test
    void anUnreadableLastAppliedAnnotationIsDroppedWhole() throws Exception {
        ObjectNode event = JSON.createObjectNode();
        event.putObject("metadata").putObject("annotations")
                .put("kubectl.kubernetes.io/last-applied-configuration", "{\"kind\":\"Secret\",\"data\":{\"p\":\"x\"");
        JsonNode out = Redactor.redact(event);
        assertThat(out.at("/metadata/annotations").get("kubectl.kubernetes.io/last-applied-configuration").asText()).isEqualTo("[REDACTED]");
    }

    @Test
    void masksTheTokenOfATokenRequestResponse() throws Exception {
        ObjectNode event = json("""
                {'objectRef': {'resource': 'serviceaccounts', 'subresource': 'token'},
                 'responseObject': {'kind': 'TokenRequest', 'status': {'token': 'opaque-token-value', 'expirationTimestamp': '2026-01-01T00:00:00Z'}}}""");
        JsonNode out = Redactor.redact(event);
        assertThat(out.at("/responseObject/status/token").asText()).isEqualTo("[REDACTED]");
        assertThat(out.at("/responseObject/status/expirationTimestamp").asText()).isEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    void masksEnvValuesWhoseNameSaysSecret() throws Exception {
        ObjectNode event = json("""
                {'requestObject': {'kind': 'Pod', 'spec': {'containers': [{'name': 'app', 'image': 'nginx',
                  'env': [{'name': 'DB_PASSWORD', 'value': 'hunter2'}, {'name': 'KEYBOARD_LAYOUT', 'value': 'de'},
                          {'name': 'API_KEY', 'valueFrom': {'secretKeyRef': {'name': 'keys', 'key': 'api'}}}]}]}}}""");
        JsonNode out = Redactor.redact(event);
        JsonNode env = out.at("/requestObject/spec/containers/0/env");
        assertThat(env.at("/0/value").asText()).isEqualTo("[REDACTED]");
        assertThat(env.at("/1/value").asText()).isEqualTo("de");
        assertThat(env.at("/2/valueFrom/secretKeyRef/key").asText()).isEqualTo("api");
        assertThat(env.at("/2/valueFrom/secretKeyRef/name").asText()).isEqualTo("keys");
        assertThat(out.at("/requestObject/spec/containers/0/name").asText()).isEqualTo("app");
    }

    @Test
    void masksSecretsInRuntimeCommandLines() throws Exception {
        ObjectNode event = json("""
                {'category': 'process_creation', 'Image': '/usr/bin/curl',
                 'Ancestors': [{'Image': '/bin/sh', 'CommandLine': 'sh -c mysql -psecretpw'}],
                 'TargetFilename': '/var/run/secrets/kubernetes.io/serviceaccount/token'}""");
        event.put("CommandLine", "curl -H \"Authorization: Bearer abcdefgh12345\" https://kubernetes.default");
        JsonNode out = Redactor.redact(event);
        assertThat(out.path("CommandLine").asText()).isEqualTo("curl -H \"Authorization: Bearer [REDACTED]\" https://kubernetes.default");
        assertThat(out.at("/Ancestors/0/CommandLine").asText()).isEqualTo("sh -c mysql -p[REDACTED]");
        assertThat(out.path("TargetFilename").asText()).isEqualTo("/var/run/secrets/kubernetes.io/serviceaccount/token");
    }

    @Test
    void neverChangesTheOriginal() throws Exception {
        ObjectNode event = json("""
                {'objectRef': {'resource': 'secrets'}, 'requestObject': {'kind': 'Secret', 'data': {'p': 'eA=='}},
                 'user': {'username': 'alice'}, 'CommandLine': 'app --password=x'}""");
        ObjectNode before = event.deepCopy();
        ObjectNode out = Redactor.redact(event);
        assertThat(event).isEqualTo(before);
        assertThat(out).isNotSameAs(event);
        assertThat(out.get("user")).as("untouched subtrees are shared").isSameAs(event.get("user"));
    }

    @Test
    void aRecordWithoutSecretsComesBackAsIs() throws Exception {
        ObjectNode event = json("""
                {'verb': 'create', 'objectRef': {'resource': 'pods', 'namespace': 'default'}, 'user': {'username': 'alice'},
                 'annotations': {'authorization.k8s.io/decision': 'allow'}, 'requestObject': {'spec': {'keyboard': 'us'}}}""");
        assertThat(Redactor.redact(event)).isSameAs(event);
    }
}
