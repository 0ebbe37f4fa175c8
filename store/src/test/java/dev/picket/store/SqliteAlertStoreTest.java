package dev.picket.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.picket.store.TestAlerts.SETTINGS;
import static dev.picket.store.TestAlerts.alert;
import static org.assertj.core.api.Assertions.assertThat;

class SqliteAlertStoreTest extends AlertStoreContract {
    @TempDir
    Path dir;

    @Override
    AlertStore open() {
        return Stores.sqlite(dir, SETTINGS);
    }

    @Test
    void keepsAlertsInAWriteAheadLoggedFileAcrossReopening() {
        store.add(List.of(alert("a1", 0, "high")));
        assertThat(dir.resolve("picket.db")).exists();
        assertThat(dir.resolve("picket.db-wal")).as("WAL mode").exists();
        store.close();
        store = Stores.sqlite(dir, SETTINGS);
        assertThat(store.alert("a1")).isPresent();
        assertThat(store.add(List.of(alert("a1", 0, "high")))).isZero();
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsReported() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Stores.sqlite(file.resolve("sub"), SETTINGS))
                .isInstanceOf(StoreException.class).hasMessageContaining("cannot open the store in " + file.resolve("sub"));
    }
}
