package dev.picket.io.state;

import dev.picket.engine.correlation.InMemoryStateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateFileTest {

    @TempDir
    Path data;

    @Test
    void whatIsSavedLoadsBack() throws IOException {
        InMemoryStateStore store = new InMemoryStateStore();
        store.put("new_terms:2:sa|4:user|", new byte[]{1, 2, 3});
        store.put("event_count:2:bf|", new byte[0]);
        StateFile file = new StateFile(data.resolve("nested"));
        file.save(store);

        InMemoryStateStore loaded = file.load();
        assertThat(loaded.size()).isEqualTo(2);
        assertThat(loaded.get("new_terms:2:sa|4:user|")).containsExactly(1, 2, 3);
        try (var files = Files.list(data.resolve("nested"))) {
            assertThat(files).containsExactly(file.path());
        }
    }

    @Test
    void nothingSavedYetLoadsEmpty() throws IOException {
        assertThat(new StateFile(data).load().size()).isZero();
    }

    @Test
    void aDamagedFileIsAnErrorNamingIt() throws IOException {
        StateFile file = new StateFile(data);
        Files.writeString(file.path(), "not state");

        assertThatThrownBy(file::load).isInstanceOf(IOException.class)
                .hasMessageStartingWith(file.path() + ": cannot read correlation state");
    }
}
