package org.duban.bulletin;

import static org.duban.common.sql.Rows.map;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.Callers.Caller;
import org.duban.common.Found;
import org.duban.common.sql.SqlParams;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Published bulletins, for those they are published to: the offices and leaders of their region and above, and the
 * units of their region, which they rank and name.
 */
@ApplicationScoped
public class BulletinQueries {

    /** The files a bulletin keeps, by the suffix of their route. */
    enum File {
        PDF("pdf", "application/pdf"),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        final String column;
        final String contentType;

        File(String column, String contentType) {
            this.column = column;
            this.contentType = contentType;
        }
    }

    /** A bulletin's file as published, with its digest. */
    record Stored(Bulletin bulletin, Buffer content, String sha256) {
    }

    private final Pool pool;

    BulletinQueries(Pool pool) {
        this.pool = pool;
    }

    /** The region's bulletins (or all the caller may read), newest first, at most {@code limit}. */
    Uni<List<Bulletin>> newest(Long regionId, int limit, Caller caller) {
        SqlParams params = new SqlParams();
        String where = readable(caller, params) + (regionId == null ? "" : " and b.region_id = " + params.bind(regionId));
        return pool.preparedQuery("select " + Bulletin.COLUMNS + " from bulletin b where " + where + " order by b.id desc limit "
                + params.bind(limit))
                .execute(params.tuple())
                .map(rows -> map(rows, Bulletin::from));
    }

    Uni<Bulletin> visible(long id, Caller caller) {
        SqlParams params = new SqlParams();
        return pool.preparedQuery("select " + Bulletin.COLUMNS + " from bulletin b where b.id = " + params.bind(id) + " and "
                + readable(caller, params))
                .execute(params.tuple())
                .map(rows -> Found.one(map(rows, Bulletin::from), "Bulletin", id));
    }

    Uni<List<Bulletin>> byIds(Long[] ids) {
        return pool.preparedQuery("select " + Bulletin.COLUMNS + " from bulletin b where b.id = any($1)").execute(Tuple.of((Object) ids))
                .map(rows -> map(rows, Bulletin::from));
    }

    /** The bulletins that correct these, if any. */
    Uni<List<Bulletin>> correctionsOf(Long[] ids) {
        return pool.preparedQuery("select " + Bulletin.COLUMNS + " from bulletin b where b.corrects_id = any($1)")
                .execute(Tuple.of((Object) ids))
                .map(rows -> map(rows, Bulletin::from));
    }

    Uni<List<BulletinFigures>> figuresOf(Long[] ids) {
        return pool.preparedQuery("select b.id, b.figures::text as figures from bulletin b where b.id = any($1)")
                .execute(Tuple.of((Object) ids))
                .map(rows -> {
                    Map<Long, BulletinFigures> byId = new HashMap<>();
                    rows.forEach(row -> byId.put(row.getLong("id"), FiguresJson.read(row.getString("figures"))));
                    return Arrays.stream(ids).map(byId::get).toList();
                });
    }

    Uni<Stored> file(long id, File file, Caller caller) {
        SqlParams params = new SqlParams();
        return pool.preparedQuery("select " + Bulletin.COLUMNS + ", b." + file.column + " as content, b." + file.column
                + "_sha256 as sha256 from bulletin b where b.id = " + params.bind(id) + " and " + readable(caller, params))
                .execute(params.tuple())
                .map(rows -> Found.one(map(rows, row -> new Stored(Bulletin.from(row), row.getBuffer("content"),
                        row.getString("sha256"))), "Bulletin", id));
    }

    /** Bulletins of the regions the caller reads plans or reference data of: overseen ones, and its own unit's. */
    private static String readable(Caller caller, SqlParams params) {
        return "b.region_id = any(" + params.bind(caller.referenceRegions().toArray(new Long[0])) + ")";
    }
}
