package dev.picket.server.suppress;

import dev.picket.engine.rule.RuleLoadException;
import dev.picket.engine.sigma.RuleSet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The suppression folder's filters as currently in force. Replaced whole on reload, so the ingest
 * worker sees the old set or the new one, never half of each; a folder that does not compile leaves
 * the old set in force.
 */
public final class LiveSuppressions implements Supplier<Suppressions> {
    private final Path folder;
    private final AtomicReference<Suppressions> current = new AtomicReference<>(Suppressions.NONE);

    public LiveSuppressions(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    @Override
    public Suppressions get() {
        return current.get();
    }

    /** Compiles the folder against the rules and puts it in force; on error the previous set stays. */
    public Suppressions reload(RuleSet rules) throws RuleLoadException, IOException {
        Suppressions loaded = Suppressions.load(rules, folder);
        current.set(loaded);
        return loaded;
    }

    /** Compiles the folder against the rules without putting it in force: a candidate for an atomic swap. */
    public Suppressions compile(RuleSet rules) throws RuleLoadException, IOException {
        return Suppressions.load(rules, folder);
    }

    /** Puts a compiled set in force. */
    public void set(Suppressions suppressions) {
        current.set(suppressions);
    }
}
