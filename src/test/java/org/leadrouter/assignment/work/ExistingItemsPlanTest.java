package org.leadrouter.assignment.work;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.leadrouter.assignment.Backlogs;

/**
 * Every batch of leads asks which of its ids already have an item, with the ids as one array
 * parameter. H2 must seek the primary key for each id, not read the table: it holds every item
 * ever made.
 */
class ExistingItemsPlanTest {

    @Test
    void aBatchsIdsSeekThePrimaryKey() throws SQLException {
        String plan = Backlogs.plan(WorkStore.EXISTING, (Object) new String[] {"w1", "w2"});
        assertTrue(Pattern.compile("PRIMARY_KEY_\\w+: ID IN\\('w1', 'w2'\\)").matcher(plan).find(), "seeks the primary key:\n" + plan);
    }
}
