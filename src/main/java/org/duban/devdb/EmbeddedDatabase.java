package org.duban.devdb;

import java.io.IOException;

/** A PostgreSQL server started inside the JVM for dev mode and tests. */
public interface EmbeddedDatabase {

    /** Starts the server for the profile once per JVM, or finds the running one; returns its port. */
    int start(String profile, String dataDir) throws IOException;
}
