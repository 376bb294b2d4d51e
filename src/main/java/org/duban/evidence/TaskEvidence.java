package org.duban.evidence;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.duban.common.DubanException;
import org.duban.common.IdKind;
import org.duban.common.Ids;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** The evidence a mutation names (a report, a submission, a reply): each id must be evidence of the task it is about. */
public final class TaskEvidence {

    private TaskEvidence() {
    }

    /** Parses evidence ids and makes sure each is evidence of this task; VALIDATION on the field otherwise. */
    public static Uni<List<Long>> named(SqlConnection connection, long taskId, List<String> ids, String field) {
        if (ids == null || ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Set<Long> parsed = new LinkedHashSet<>();
        for (String id : ids) {
            Long value = parseEvidenceId(id, field);
            if (!parsed.add(value)) {
                throw DubanException.validation(field, "names one piece of evidence twice");
            }
        }
        Long[] wanted = parsed.toArray(new Long[0]);
        return connection.preparedQuery("select id from evidence where task_id = $1 and id = any($2)")
                .execute(Tuple.of(taskId, wanted))
                .map(rows -> {
                    Set<Long> found = new LinkedHashSet<>();
                    rows.forEach(row -> found.add(row.getLong("id")));
                    List<Long> missing = parsed.stream().filter(id -> !found.contains(id)).toList();
                    if (!missing.isEmpty()) {
                        throw DubanException.validation(field, "not evidence of this task: "
                                + missing.stream().map(key -> Ids.of(IdKind.EVIDENCE, key)).toList()
                                + " (upload files to /tasks/" + Ids.of(IdKind.TASK, taskId) + "/evidence, or add a link, first)");
                    }
                    return new ArrayList<>(parsed);
                });
    }

    private static Long parseEvidenceId(String id, String field) {
        try {
            return Ids.parse(id == null ? null : id.strip(), IdKind.EVIDENCE);
        } catch (DubanException notOurs) {
            throw DubanException.validation(field, "not an evidence id: " + id);
        }
    }
}
