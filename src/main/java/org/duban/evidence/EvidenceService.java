package org.duban.evidence;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.access.Callers.Caller;
import org.duban.audit.AuditTrail;
import org.duban.common.DubanException;
import org.duban.common.ErrorCode;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.sql.SqlParams;
import org.duban.plan.TaskVisibility;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Adding evidence to a task (its responsible units and the office) and reading it back (whoever sees the task). */
@ApplicationScoped
public class EvidenceService {

    static final int MAX_URL = 2000;
    static final int MAX_TITLE = 200;
    static final int MAX_FILE_NAME = 255;

    private final Pool pool;
    private final EvidenceStore store;
    private final AuditTrail audit;
    private final Clock clock;

    EvidenceService(Pool pool, EvidenceStore store, AuditTrail audit, Clock clock) {
        this.pool = pool;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** A file checked already: type from content, digest, size. Returns the evidence. */
    public Uni<Evidence> addFile(long taskId, String fileName, EvidenceType type, String sha256, Buffer content, Caller caller) {
        return pool.withTransaction(connection -> requireContributor(connection, taskId, caller)
                .chain(() -> connection.preparedQuery("insert into evidence (task_id, kind, file_name, content_type, size_bytes, sha256,"
                        + " unit_id, account_id, created_at) values ($1, 'FILE', $2, $3, $4, $5, $6, $7, $8) returning id")
                        .execute(Tuple.from(new Object[] { taskId, safeFileName(fileName), type.contentType(), (long) content.length(),
                                sha256, caller.unitId(), caller.accountId(), clock.instant().atOffset(ZoneOffset.UTC) })))
                .map(rows -> rows.iterator().next().getLong("id"))
                .call(id -> store.save(connection, id, content)
                        .chain(key -> connection.preparedQuery("update evidence set storage_key = $2 where id = $1")
                                .execute(Tuple.of(id, key)))))
                .chain(id -> byId(id, caller));
    }

    public Uni<Evidence> addLink(String taskId, String url, String title, Caller caller) {
        long task = Ids.parse(taskId, IdKind.TASK);
        String link = requireWebLink(url);
        String name = title == null ? "" : title.strip();
        if (name.isEmpty() || name.length() > MAX_TITLE) {
            throw DubanException.validation("title", "between 1 and " + MAX_TITLE + " characters");
        }
        return audit.withTransaction(connection -> requireContributor(connection, task, caller)
                .chain(() -> connection.preparedQuery("insert into evidence (task_id, kind, url, title, unit_id, account_id, created_at)"
                        + " values ($1, 'LINK', $2, $3, $4, $5, $6) returning id")
                        .execute(Tuple.from(new Object[] { task, link, name, caller.unitId(), caller.accountId(),
                                clock.instant().atOffset(ZoneOffset.UTC) })))
                .map(rows -> rows.iterator().next().getLong("id")))
                .chain(id -> byId(id, caller));
    }

    /**
     * Fails unless the caller may add evidence to the task: the ADMIN of its plan's region, or an account of a
     * responsible unit. NOT_FOUND for a task out of the caller's sight, FORBIDDEN for one it only reads (a LEADER, the
     * ADMIN of a region above). Checked here, not left to the audit guard: an upload is no GraphQL mutation.
     */
    public Uni<Void> requireContributor(long taskId, Caller caller) {
        return requireContributor(pool, taskId, caller);
    }

    private Uni<Void> requireContributor(SqlClient sql, long taskId, Caller caller) {
        SqlParams params = new SqlParams();
        params.bind(taskId);
        String visible = TaskVisibility.task(caller, "t", params);
        String unit = params.bind(caller.unitId());
        return sql.preparedQuery("select exists (select 1 from task_unit tu where tu.task_id = t.id and tu.unit_id = " + unit
                + ") as responsible, p.region_id from task t join plan p on p.id = t.plan_id"
                + " where t.id = $1 and t.deleted_at is null and " + visible)
                .execute(params.tuple())
                .invoke(rows -> {
                    if (rows.size() == 0) {
                        throw DubanException.notFound("Task", taskId);
                    }
                    Row task = rows.iterator().next();
                    if (!caller.administers(task.getLong("region_id")) && !task.getBoolean("responsible")) {
                        throw new DubanException(ErrorCode.FORBIDDEN, "Evidence is added by the task's responsible units and the office", null);
                    }
                })
                .replaceWithVoid();
    }

    /** The evidence, if the caller sees its task; null otherwise. */
    public Uni<Evidence> byId(long id, Caller caller) {
        return visible(id, caller, "").map(row -> row == null ? null : Evidence.from(row));
    }

    /** The file's bytes, if the caller sees the task; null otherwise. */
    public Uni<StoredFile> file(long id, Caller caller) {
        return visible(id, caller, " and e.kind = 'FILE'").chain(row -> row == null ? Uni.createFrom().nullItem()
                : store.load(row.getString("storage_key")).map(content -> new StoredFile(Evidence.from(row), content)));
    }

    /** The evidence, if the caller sees its task; else none. */
    public Uni<List<Evidence>> evidence(long id, Caller caller) {
        return visible(id, caller, "").map(row -> row == null ? List.of() : List.of(Evidence.from(row)));
    }

    private Uni<Row> visible(long id, Caller caller, String condition) {
        SqlParams params = new SqlParams();
        params.bind(id);
        return pool.preparedQuery("select " + Evidence.COLUMNS + ", e.storage_key from evidence e join task t on t.id = e.task_id"
                + " where e.id = $1" + condition + " and t.deleted_at is null and " + TaskVisibility.task(caller, "t", params))
                .execute(params.tuple())
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next());
    }

    public record StoredFile(Evidence evidence, Buffer content) {
    }

    static String safeFileName(String name) {
        String base = name == null ? "" : name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String clean = base.replaceAll("\\p{Cntrl}", "").strip();
        if (clean.isEmpty()) {
            return "evidence";
        }
        return clean.length() > MAX_FILE_NAME ? clean.substring(0, MAX_FILE_NAME) : clean;
    }

    private static String requireWebLink(String url) {
        String text = url == null ? "" : url.strip();
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (text.length() <= MAX_URL && uri.getHost() != null
                    && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
                return text;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw DubanException.validation("url", "an http or https URL of at most " + MAX_URL + " characters");
    }
}
