package dev.picket.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static dev.picket.store.TestAlerts.SETTINGS;
import static dev.picket.store.TestAlerts.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The same contract against a real PostgreSQL 17 server, one fresh database per test. */
class PostgresAlertStoreTest extends AlertStoreContract {
    private static EmbeddedPostgres postgres;
    private static int databases;
    private String url;

    @BeforeAll
    static void startServer() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopServer() throws IOException {
        postgres.close();
    }

    @Override
    AlertStore open() {
        String name = "picket" + (++databases);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        url = postgres.getJdbcUrl("postgres", name);
        return Stores.postgres(url, null, null, SETTINGS);
    }

    @Test
    void reopeningKeepsAlertsAndDoesNotMigrateAgain() {
        store.add(List.of(alert("a1", 0, "high")));
        store.close();
        store = Stores.postgres(url, null, null, SETTINGS);
        assertThat(store.alert("a1")).isPresent();
    }

    @Test
    void aWrongPasswordIsReportedWithoutRepeatingTheUrl() {
        String withSecret = postgres.getJdbcUrl("postgres", "postgres").replace("user=postgres", "user=nobody-here")
                + "&password=hunter2";
        assertThatThrownBy(() -> Stores.postgres(withSecret, null, null, SETTINGS))
                .isInstanceOf(StoreException.class).hasMessageStartingWith("cannot connect to PostgreSQL")
                .hasMessageNotContaining("hunter2");
    }
}
