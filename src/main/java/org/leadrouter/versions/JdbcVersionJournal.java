package org.leadrouter.versions;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource.DataSourceLiteral;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.leadrouter.db.DataConfig;
import org.leadrouter.db.H2Store;
import org.leadrouter.db.Timestamps;
import org.leadrouter.db.Transactions;
import org.leadrouter.rules.RuleSetVersion;
import org.leadrouter.rules.VersionEvent;
import org.leadrouter.rules.VersionJournal;

/**
 * The version journal in the record's database (H2 or PostgreSQL, migration V50). Each statement
 * commits on its own: the registry writes one change at a time, and a second instance on the same
 * PostgreSQL storing the same file or version is a duplicate to skip, not an error.
 */
@ApplicationScoped
public class JdbcVersionJournal implements VersionJournal {

    private static final Logger LOG = Logger.getLogger(JdbcVersionJournal.class);
    /** Unique violation, in H2 and PostgreSQL alike. */
    private static final String DUPLICATE = "23505";

    private final DataSource dataSource;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Inject
    JdbcVersionJournal(DataConfig config, @Any Instance<AgroalDataSource> dataSources) {
        this(dataSources.select(new DataSourceLiteral(config.database().datasourceName())).get());
    }

    public JdbcVersionJournal(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void record(VersionEvent event, Map<String, byte[]> files) {
        try (Connection connection = dataSource.getConnection()) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                String hash = RuleSetVersion.contentHash(file.getKey(), file.getValue());
                insertOnce(connection, "SELECT 1 FROM rule_contents WHERE content_hash = ?",
                        "INSERT INTO rule_contents (content_hash, content) VALUES (?, ?)", List.of(hash),
                        List.of(hash, file.getValue()));
                insertOnce(connection, "SELECT 1 FROM rule_version_files WHERE version = ? AND name = ?",
                        "INSERT INTO rule_version_files (version, name, content_hash) VALUES (?, ?, ?)",
                        List.of(event.version(), file.getKey()), List.of(event.version(), file.getKey(), hash));
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO rule_events (segment, kind, version, happened_at, actor, detail) VALUES (?, ?, ?, ?, ?, ?)
                    """)) {
                insert.setString(1, event.segment());
                insert.setString(2, event.kind().name());
                insert.setString(3, event.version());
                Timestamps.setInstant(insert, 4, event.at());
                insert.setString(5, event.actor());
                insert.setString(6, json.writeValueAsString(event));
                insert.executeUpdate();
            }
            // The embedded database's write delay would leave it off the file for up to a second.
            H2Store.write(connection);
        } catch (SQLException | IOException | RuntimeException e) {
            // Rules keep loading without the record; only this entry of the history is missing.
            LOG.errorf(e, "segment %s: could not record %s %s in the database; it will be missing from the history "
                    + "after a restart", event.segment(), event.kind(), event.version() == null ? "" : event.version());
        }
    }

    private static void insertOnce(Connection connection, String exists, String insert, List<Object> key,
                                   List<Object> row) throws SQLException {
        try (PreparedStatement query = prepare(connection, exists, key); ResultSet rows = query.executeQuery()) {
            if (rows.next()) {
                return;
            }
        }
        try (PreparedStatement statement = prepare(connection, insert, row)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            if (!DUPLICATE.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) instanceof byte[] bytes) {
                statement.setBytes(i + 1, bytes);
            } else {
                statement.setString(i + 1, (String) values.get(i));
            }
        }
        return statement;
    }

    @Override
    public List<VersionEvent> sinceRetired(String segment) {
        return events(segment, """
                SELECT detail FROM rule_events WHERE segment = ? AND id > COALESCE(
                    (SELECT MAX(id) FROM rule_events WHERE segment = ? AND kind = 'RETIRED'), 0)
                ORDER BY id
                """, 0, segment, segment);
    }

    @Override
    public Set<String> segments() {
        Set<String> segments = new TreeSet<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT segment FROM rule_events GROUP BY segment
                     HAVING MAX(id) > COALESCE(MAX(CASE WHEN kind = 'RETIRED' THEN id END), 0)
                     """);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                segments.add(rows.getString(1));
            }
        } catch (SQLException | RuntimeException e) {
            LOG.error("could not read which segments have a rule history in the database", e);
            return Set.of();
        }
        return segments;
    }

    @Override
    public List<VersionEvent> recent(String segment, int limit) {
        return events(segment, "SELECT detail FROM rule_events WHERE segment = ? ORDER BY id DESC", limit, segment);
    }

    private List<VersionEvent> events(String segment, String sql, int limit, String... parameters) {
        List<VersionEvent> events = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = prepare(connection, sql, List.of((Object[]) parameters))) {
            query.setMaxRows(limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(json.readValue(rows.getString(1), VersionEvent.class));
                }
            }
        } catch (SQLException | IOException | RuntimeException e) {
            LOG.errorf(e, "segment %s: could not read its rule history from the database", segment);
            return List.of();
        }
        return events;
    }

    @Override
    public Map<String, byte[]> files(String version) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = prepare(connection, """
                     SELECT f.name, c.content FROM rule_version_files f
                     JOIN rule_contents c ON c.content_hash = f.content_hash
                     WHERE f.version = ? ORDER BY f.name
                     """, List.of(version));
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                files.put(rows.getString(1), rows.getBytes(2));
            }
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(e, "version %s: could not read its files from the database", version);
            return Map.of();
        }
        return files;
    }
}
