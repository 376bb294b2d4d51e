package org.duban.common;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Installs the deployment's id key before anything hands out an id. Flyway has just migrated over JDBC, so the
 * database normally answers, and one row is read the same way before requests are taken. A service started while
 * the database is down (it starts, and answers UNAVAILABLE) keeps trying on a thread of its own, never an event loop.
 */
@Singleton
class IdKeyLoader {

    private static final Logger LOG = Logger.getLogger(IdKeyLoader.class);
    private static final long RETRY_MILLIS = 2_000;

    void onStart(@Observes @Priority(1) StartupEvent event, DataSource dataSource) {
        try {
            Ids.useKey(read(dataSource));
        } catch (SQLException unavailable) {
            LOG.warnf("The id key could not be read (%s); ids wait for the database, retrying every %d ms",
                    unavailable.getMessage(), RETRY_MILLIS);
            Thread retrying = new Thread(() -> retry(dataSource), "duban-id-key");
            retrying.setDaemon(true);
            retrying.start();
        }
    }

    private static void retry(DataSource dataSource) {
        while (true) {
            try {
                Thread.sleep(RETRY_MILLIS);
                Ids.useKey(read(dataSource));
                LOG.info("The id key is read; ids are served");
                return;
            } catch (SQLException stillUnavailable) {
                // the next round tries again; the first failure was logged
            } catch (InterruptedException shuttingDown) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static byte[] read(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select aes_key from id_key")) {
            if (!row.next()) {
                throw new IllegalStateException("table id_key is empty: the V19 migration makes its one row");
            }
            return row.getBytes(1);
        }
    }
}
