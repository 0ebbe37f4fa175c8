package dev.picket.engine.redact;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SecretNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"password", "DB_PASSWORD", "clientSecret", "client_secret", "access_token", "token",
            "AWS_SECRET_ACCESS_KEY", "API_KEY", "apiKey", "Authorization", "MYSQL_ROOT_PASSWD", "REDIS_PASS",
            "privateKey", "credentials", "client-key-data"})
    void namesOfSecrets(String name) {
        assertThat(SecretNames.looksSecret(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"keyboard", "key", "secretName", "secretKeyRef", "tokenPath", "PASSWORD_FILE",
            "authorization.k8s.io/decision", "PWD", "monkey", "passport", "tokenExpirationSeconds", "username", "client-certificate-data", "data", ""})
    void namesThatOnlyLookLikeSecrets(String name) {
        assertThat(SecretNames.looksSecret(name)).isFalse();
    }
}
