package org.leadrouter.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The service's H2 schema, as its own Flyway configuration migrates it: no index whose columns
 * another index of its table starts with. Each index is one more B-tree that every insert
 * rewrites a page of, and H2 adds one of exactly its columns for every foreign key
 * (db/h2/V81__fewer_lead_id_indexes.sql).
 */
@QuarkusTest
class RedundantIndexesTest {

    /**
     * Kept, each for a reason: a foreign key's own index cannot be dropped while the key stands,
     * and the longer offer indexes serve queries the key's column alone cannot (an agent's open
     * offers among all it was ever offered); agents' skills change only when an agent is edited.
     */
    private static final Set<String> KEPT = Set.of(
            "OFFERS (AGENT_ID) within (AGENT_ID, STATE)",
            "OFFERS (AGENT_ID) within (AGENT_ID, QUEUE, OFFERED_AT)",
            "AGENT_SKILLS (AGENT_ID) within (AGENT_ID, SKILL)");

    @Inject
    @DataSource("h2")
    AgroalDataSource dataSource;

    @Test
    void noIndexIsTheStartOfAnotherOfItsTable() throws SQLException {
        // Table -> index -> its columns in order.
        Map<String, Map<String, List<String>>> indexes = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                ResultSet rows = c.createStatement().executeQuery("""
                        SELECT TABLE_NAME, INDEX_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS
                        WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME <> 'flyway_schema_history'
                        ORDER BY TABLE_NAME, INDEX_NAME, ORDINAL_POSITION""")) {
            while (rows.next()) {
                indexes.computeIfAbsent(rows.getString(1), table -> new LinkedHashMap<>())
                        .computeIfAbsent(rows.getString(2), index -> new ArrayList<>()).add(rows.getString(3));
            }
        }
        assertTrue(indexes.containsKey("WORK_SKILLS") && indexes.containsKey("OFFERS"), "read the schema's indexes: " + indexes);
        Set<String> redundant = new TreeSet<>();
        indexes.forEach((table, ofTable) -> {
            for (List<String> shorter : ofTable.values()) {
                for (List<String> longer : ofTable.values()) {
                    if (shorter != longer && shorter.size() <= longer.size() && longer.subList(0, shorter.size()).equals(shorter)) {
                        redundant.add(table + " (" + String.join(", ", shorter) + ") within (" + String.join(", ", longer) + ")");
                    }
                }
            }
        });
        assertEquals(new TreeSet<>(KEPT), redundant);
    }
}
