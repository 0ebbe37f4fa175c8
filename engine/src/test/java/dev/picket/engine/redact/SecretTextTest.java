package dev.picket.engine.redact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SecretTextTest {
    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2EifQ.c2lnbmF0dXJl";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "curl -H \"Authorization: Bearer abcdef123456\" https://10.0.0.1/api | curl -H \"Authorization: Bearer [REDACTED]\" https://10.0.0.1/api",
            "curl -H 'Authorization: Basic dXNlcjpwYXNz' http://x | curl -H 'Authorization: Basic [REDACTED]' http://x",
            "wget --header=Bearer:x --header 'X: Bearer s3cr3tt0ken' u | wget --header=Bearer:x --header 'X: Bearer [REDACTED]' u",
            "curl https://api/v1?access_token=abc123&x=1 | curl https://api/v1?access_token=[REDACTED]&x=1",
            "curl 'https://h/p?key=AIzaSy123&q=2' | curl 'https://h/p?key=[REDACTED]&q=2'",
            "git clone https://bob:hunter2@git.example.com/r.git | git clone https://bob:[REDACTED]@git.example.com/r.git",
            "app --password=hunter2 --user bob | app --password=[REDACTED] --user bob",
            "app --token abc.def --v | app --token [REDACTED] --v",
            "vault login --client-secret \"a b c\" | vault login --client-secret [REDACTED]",
            "mysql -u root -phunter2 db | mysql -u root -p[REDACTED] db",
            "/usr/bin/mysql -h db -u root -p hunter2 | /usr/bin/mysql -h db -u root -p [REDACTED]",
            "sshpass -p hunter2 ssh root@host | sshpass -p [REDACTED] ssh root@host",
            "redis-cli -h r -a hunter2 keys * | redis-cli -h r -a [REDACTED] keys *",
            "curl -u admin:hunter2 http://x | curl -u admin:[REDACTED] http://x",
            "env DB_PASSWORD=hunter2 ./run | env DB_PASSWORD=[REDACTED] ./run",
            "kubectl create secret generic s --from-literal=password=hunter2 | kubectl create secret generic s --from-literal=password=[REDACTED]",
            "curl -d '{\"user\": \"bob\", \"password\": \"hunter2\"}' http://x | curl -d '{\"user\": \"bob\", \"password\": \"[REDACTED]\"}' http://x",
            "client-key-data: LS0tLS1CRUdJTi | client-key-data: [REDACTED]",
    })
    void secretsInCommandLinesAndUrls(String in, String out) {
        assertThat(SecretText.redact(in)).isEqualTo(out);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "nc -p 4444 10.0.0.1",
            "ps -p 1234",
            "mysql -u root -p",
            "grep -r password /etc",
            "cat /var/run/secrets/kubernetes.io/serviceaccount/token",
            "kubectl get secrets --all-namespaces -o yaml",
            "app --token-file=/var/run/token --no-password --user bob",
            "curl -u admin http://x",
            "curl http://x/?page=2&sort=asc",
            "echo eyJhbGciOiJIUzI1NiJ9 | base64 -d",
            "bearer",
            "echo tokens: 5",
            "client-certificate-data: LS0tLS1CRUdJTi",
            "grep -c secret: /etc/app.yaml",
    })
    void nearMissesStayAsTheyAre(String in) {
        assertThat(SecretText.redact(in)).isSameAs(in);
    }

    @Test
    void secretLinesOfEmbeddedYamlGoWhereverTheLineIs() {
        String kubeconfig = "users:\n- name: admin\n  user:\n    client-certificate-data: Q0VSVA==\n    client-key-data: S0VZ\n    token: abc\n";
        assertThat(SecretText.redact(kubeconfig)).isEqualTo(
                "users:\n- name: admin\n  user:\n    client-certificate-data: Q0VSVA==\n    client-key-data: [REDACTED]\n    token: [REDACTED]\n");
    }

    @Test
    void theBodyOfAPrivateKeyGoesTheMarkersStay() {
        String pem = "key: -----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx7/+abc=\n-----END RSA PRIVATE KEY-----\n";
        assertThat(SecretText.redact(pem))
                .isEqualTo("key: -----BEGIN RSA PRIVATE KEY-----[REDACTED]-----END RSA PRIVATE KEY-----\n");
    }

    @Test
    void certificatesAndPublicKeysArePublic() {
        String cert = "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIE=\n-----END CERTIFICATE-----";
        String pub = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkq=\n-----END PUBLIC KEY-----";
        assertThat(SecretText.redact(cert)).isSameAs(cert);
        assertThat(SecretText.redact(pub)).isSameAs(pub);
    }

    @ParameterizedTest
    @ValueSource(strings = {"token: " + JWT, JWT})
    void jsonWebTokensAreRemovedWherever(String in) {
        assertThat(SecretText.redact(in)).doesNotContain("eyJ").contains("[REDACTED]");
    }
}
