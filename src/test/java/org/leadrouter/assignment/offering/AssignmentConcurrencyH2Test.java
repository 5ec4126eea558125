package org.leadrouter.assignment.offering;

import javax.sql.DataSource;
import org.leadrouter.assignment.TestAssignment;

class AssignmentConcurrencyH2Test extends AssignmentConcurrencyContract {

    @Override
    DataSource dataSource() {
        return TestAssignment.h2();
    }

    @Override
    boolean offerWithLead() {
        return true;
    }
}
