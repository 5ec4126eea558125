package org.leadrouter.kpis;

import javax.sql.DataSource;
import org.leadrouter.assignment.TestAssignment;
import org.leadrouter.db.Database;

class KpiBlocksH2Test extends KpiBlocksContract {

    @Override
    DataSource dataSource() {
        return TestAssignment.h2();
    }

    @Override
    Database database() {
        return Database.H2;
    }
}
