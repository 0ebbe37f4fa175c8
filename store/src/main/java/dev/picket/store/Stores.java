package dev.picket.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Opens a store: an SQLite file by default, PostgreSQL when given its JDBC URL. */
public final class Stores {
    /** The SQLite file's name inside the data directory. */
    public static final String SQLITE_FILE = "picket.db";

    private Stores() {
    }

    /** The embedded store: {@code DIR/picket.db}, created when missing, in write-ahead-log mode. */
    public static AlertStore sqlite(Path dataDir, StoreSettings settings) {
        try {
            Files.createDirectories(dataDir);
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(SQLITE_FILE));
            try (Statement s = db.createStatement()) {
                // WAL lets readers go on while the engine writes. NORMAL sync can lose the last
                // commits on power loss, never on a crash; the ingest journal replays those anyway.
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("PRAGMA foreign_keys=ON");
            }
            return new JdbcAlertStore(db, settings);
        } catch (java.io.IOException | SQLException e) {
            throw new StoreException("cannot open the store in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** A PostgreSQL store; the URL may carry user and password, or pass them here (null when not needed). */
    public static AlertStore postgres(String jdbcUrl, String user, String password, StoreSettings settings) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new StoreException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        Properties props = new Properties();
        if (user != null) props.setProperty("user", user);
        if (password != null) props.setProperty("password", password);
        try {
            return new JdbcAlertStore(DriverManager.getConnection(jdbcUrl, props), settings);
        } catch (SQLException e) {
            // The URL is not repeated: it may carry a password.
            throw new StoreException("cannot connect to PostgreSQL: " + e.getMessage(), e);
        }
    }
}
