package org.duban.evidence;

import static org.duban.common.sql.Rows.map;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads of evidence lists; single evidence and its file go through {@link EvidenceService}, which checks who asks. */
@ApplicationScoped
public class EvidenceQueries {

    private final Pool pool;

    EvidenceQueries(Pool pool) {
        this.pool = pool;
    }

    /** The evidence of each task, oldest first. */
    public Uni<List<Evidence>> ofTasks(Long[] taskIds) {
        return pool.preparedQuery("select " + Evidence.COLUMNS + " from evidence e where e.task_id = any($1) order by e.id")
                .execute(Tuple.of((Object) taskIds))
                .map(rows -> map(rows, Evidence::from));
    }
}
