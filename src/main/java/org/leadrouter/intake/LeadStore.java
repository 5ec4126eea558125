package org.leadrouter.intake;

import static org.leadrouter.db.Timestamps.instant;
import static org.leadrouter.db.Timestamps.setInstant;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource.DataSourceLiteral;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.leadrouter.db.DataConfig;
import org.leadrouter.db.Database;
import org.leadrouter.db.H2Store;
import org.leadrouter.db.SqlLists;
import org.leadrouter.db.Transactions;
import org.leadrouter.lead.LeadInput;
import org.leadrouter.routing.FallbackCause;
import org.leadrouter.routing.RouteDecision;

/**
 * The durable record of leads and their decisions, in plain JDBC. A lead's id is its identity:
 * the first record of an id stands and later ones are answered with it.
 */
@ApplicationScoped
public class LeadStore {

    private static final String SELECT_RECORD = """
            SELECT seq, id, lead_json, recorded_at, queue, priority, score, required_skills, fallback, fallback_cause, reason,
                   rules_fired, ruleset_version, region, degraded, decided_at
            FROM leads
            """;
    private static final String INSERT = """
            INSERT INTO leads (id, segment, received_at, recorded_at, lead_json, queue, priority, score,
                               required_skills, fallback, reason, rules_fired, ruleset_version, region,
                               degraded, decided_at, fallback_cause)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final Logger LOG = Logger.getLogger(LeadStore.class);

    private final DataSource dataSource;
    private final StoredJson json = new StoredJson();
    private final MinuteTotals totals;
    /** Each segment's most recent records as last parsed, by sequence number (see {@link #recentRecords}). */
    private final ConcurrentMap<String, Map<Long, LeadRecord>> recentParsed = new ConcurrentHashMap<>();

    @Inject
    LeadStore(DataConfig config, @Any Instance<AgroalDataSource> dataSources) {
        this(dataSources.select(new DataSourceLiteral(config.database().datasourceName())).get(), config.database());
    }

    /** For wiring by hand (tests, tools) over a datasource of the given kind. */
    public LeadStore(DataSource dataSource, Database database) {
        this.dataSource = dataSource;
        this.totals = new MinuteTotals(database);
    }

    /**
     * Records a batch in one transaction and returns one outcome per entry, in order. An id
     * already recorded, or earlier in the same batch, is not written again: its outcome carries
     * the record that stands. Throws, with nothing written, if any part of the batch fails.
     */
    public List<Recording> record(List<LeadRecord> batch) throws SQLException {
        return record(batch, (c, created) -> { });
    }

    /** As {@link #record(List)}, with {@code extension} writing its rows for the new leads in the same transaction. */
    public List<Recording> record(List<LeadRecord> batch, RecordingExtension extension) throws SQLException {
        // A failed sync answers 503 for a batch that may be on disk after all: a retry
        // then gets the recorded decision, and no caller is ever told 201 for a lost lead.
        return commitThen(batch, extension, new IdentityHashMap<>(), H2Store::writeAndSync);
    }

    /**
     * As {@link #record(List, RecordingExtension)}, but only committed: on the embedded database
     * the batch is durable once the caller has journalled it, or after {@link #sync}. Each new
     * record's lead goes into {@code storedJson} with the JSON it was stored as, for the journal
     * to write again rather than serialise the lead a second time.
     */
    List<Recording> commit(List<LeadRecord> batch, RecordingExtension extension, Map<LeadRecord, String> storedJson)
            throws SQLException {
        return commitThen(batch, extension, storedJson, connection -> { });
    }

    /** What follows a batch's commit on its connection. */
    @FunctionalInterface
    private interface AfterCommit {
        void run(Connection connection) throws SQLException;
    }

    private List<Recording> commitThen(List<LeadRecord> batch, RecordingExtension extension,
                                       Map<LeadRecord, String> storedJson, AfterCommit afterCommit) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<Recording> outcomes = Transactions.commit(connection, c -> recordIn(c, batch, extension, storedJson));
            afterCommit.run(connection);
            return outcomes;
        }
    }

    /** Forces every batch committed so far onto the disk (the embedded database; others do so at each commit). */
    void sync() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            H2Store.writeAndSync(connection);
        }
    }

    /** Whether this is the embedded file database, whose commits reach the disk only through {@link #sync}. */
    boolean isEmbeddedFile() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return H2Store.isEmbeddedFile(connection);
        }
    }

    private List<Recording> recordIn(Connection connection, List<LeadRecord> batch, RecordingExtension extension,
                                     Map<LeadRecord, String> storedJson) throws SQLException {
        Map<String, LeadRecord> known = find(connection, batch.stream().map(r -> r.lead().id()).distinct().toList());
        Map<String, LeadRecord> fresh = new LinkedHashMap<>();
        List<Recording> outcomes = new ArrayList<>(batch.size());
        for (LeadRecord record : batch) {
            String id = record.lead().id();
            LeadRecord standing = known.get(id);
            if (standing == null) {
                standing = fresh.putIfAbsent(id, record);
            }
            outcomes.add(standing == null ? new Recording(record, true) : new Recording(standing, false));
        }
        insert(connection, fresh.values(), storedJson);
        totals.add(connection, fresh.values());
        if (!fresh.isEmpty()) {
            extension.write(connection, List.copyOf(fresh.values()));
        }
        return outcomes;
    }

    public Optional<LeadRecord> find(String id) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return Optional.ofNullable(find(connection, List.of(id)).get(id));
        }
    }

    /**
     * The last {@code limit} leads recorded for a segment with their decisions, oldest first:
     * what a new rule version is replayed against. A row that cannot be read is counted and
     * left out rather than failing the whole read.
     *
     * <p>Which leads are the last is asked of the database every time (their sequence numbers and
     * ids), but each row is parsed only once: recorded rows are never updated, only deleted, and
     * parsing 500 leads' JSON was most of a replay gate's cost on every reload. A kept record is
     * used only for the same sequence number and id, so a table emptied and refilled (its numbers
     * restarted) is read afresh.
     */
    public RecentLeads recentRecords(String segment, int limit) throws SQLException {
        if (limit <= 0) {
            return new RecentLeads(List.of(), 0);
        }
        try (Connection connection = dataSource.getConnection()) {
            Map<Long, LeadRecord> known = recentParsed.getOrDefault(segment, Map.of());
            // By sequence number, so the values come oldest first.
            SortedMap<Long, LeadRecord> kept = new TreeMap<>();
            List<Long> missing = new ArrayList<>();
            for (Map.Entry<Long, String> last : recentIds(connection, segment, limit).entrySet()) {
                LeadRecord record = known.get(last.getKey());
                if (record != null && record.lead().id().equals(last.getValue())) {
                    kept.put(last.getKey(), record);
                } else {
                    missing.add(last.getKey());
                }
            }
            int unreadable = missing.isEmpty() ? 0 : readSeqs(connection, segment, missing, kept);
            recentParsed.put(segment, kept);
            return new RecentLeads(List.copyOf(kept.values()), unreadable);
        }
    }

    /** The lead ids of the segment's last {@code limit} rows, by sequence number. */
    private static Map<Long, String> recentIds(Connection connection, String segment, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq, id FROM leads WHERE segment = ? ORDER BY seq DESC LIMIT ?")) {
            select.setString(1, segment);
            select.setInt(2, limit);
            Map<Long, String> ids = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.put(rows.getLong(1), rows.getString(2));
                }
            }
            return ids;
        }
    }

    /** Reads the rows of the given sequence numbers (one range query) into {@code into}; returns how many were unreadable. */
    private int readSeqs(Connection connection, String segment, Collection<Long> seqs, Map<Long, LeadRecord> into)
            throws SQLException {
        Set<Long> wanted = new HashSet<>(seqs);
        int unreadable = 0;
        try (PreparedStatement select = connection.prepareStatement(
                SELECT_RECORD + "WHERE segment = ? AND seq BETWEEN ? AND ?")) {
            select.setString(1, segment);
            select.setLong(2, Collections.min(seqs));
            select.setLong(3, Collections.max(seqs));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long seq = rows.getLong("seq");
                    if (!wanted.contains(seq)) {
                        continue;
                    }
                    try {
                        into.put(seq, read(rows));
                    } catch (UnreadableRecordException e) {
                        LOG.warn(e.getMessage());
                        unreadable++;
                    }
                }
            }
        }
        return unreadable;
    }

    /** One query for all the ids, however many. */
    private Map<String, LeadRecord> find(Connection connection, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, LeadRecord> found = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT_RECORD + "WHERE id = ANY(?)")) {
            SqlLists.setArray(select, 1, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString("id"), read(rows));
                }
            }
        }
        return found;
    }

    /** @throws UnreadableRecordException when the row's JSON cannot be read back */
    private LeadRecord read(ResultSet rows) throws SQLException {
        try {
            return readJson(rows);
        } catch (RuntimeException e) {
            throw new UnreadableRecordException(rows.getString("id"), e);
        }
    }

    private LeadRecord readJson(ResultSet rows) throws SQLException {
        LeadInput lead = json.lead(rows.getString("lead_json"));
        RouteDecision decision = new RouteDecision(
                lead.id(),
                lead.segment(),
                rows.getString("queue"),
                rows.getInt("priority"),
                rows.getInt("score"),
                json.skills(rows.getString("required_skills")),
                rows.getBoolean("fallback"),
                cause(rows.getString("fallback_cause")),
                rows.getString("reason"),
                json.names(rows.getString("rules_fired")),
                rows.getString("ruleset_version"),
                rows.getString("region"),
                json.names(rows.getString("degraded")),
                instant(rows, "decided_at"));
        return new LeadRecord(lead, decision, instant(rows, "recorded_at"));
    }

    private void insert(Connection connection, Collection<LeadRecord> records, Map<LeadRecord, String> storedJson)
            throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (LeadRecord record : records) {
                LeadInput lead = record.lead();
                RouteDecision decision = record.decision();
                insert.setString(1, lead.id());
                insert.setString(2, lead.segment());
                setInstant(insert, 3, lead.receivedAt());
                setInstant(insert, 4, record.recordedAt());
                String leadJson = json.write(lead);
                storedJson.put(record, leadJson);
                insert.setString(5, leadJson);
                insert.setString(6, decision.queue());
                insert.setInt(7, decision.priority());
                insert.setInt(8, decision.score());
                insert.setString(9, json.write(decision.requiredSkills()));
                insert.setBoolean(10, decision.fallback());
                insert.setString(11, decision.reason());
                insert.setString(12, json.write(decision.rulesFired()));
                insert.setString(13, decision.rulesetVersion());
                insert.setString(14, decision.region());
                insert.setString(15, json.write(decision.degraded()));
                setInstant(insert, 16, decision.decidedAt());
                insert.setString(17, decision.fallbackCause() == null ? null : decision.fallbackCause().name());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static FallbackCause cause(String name) {
        return name == null ? null : FallbackCause.valueOf(name);
    }
}
