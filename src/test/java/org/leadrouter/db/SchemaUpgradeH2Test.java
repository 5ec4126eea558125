package org.leadrouter.db;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

class SchemaUpgradeH2Test extends SchemaUpgradeContract {

    @Override
    DataSource empty() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }

    @Override
    String[] locations() {
        return new String[] {"classpath:db/migration", "classpath:db/h2"};
    }
}
