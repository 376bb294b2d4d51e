package org.duban.evidence;

import static org.duban.common.sql.Rows.map;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.duban.access.Callers;
import org.duban.access.Roles;
import org.duban.common.sql.Batches;
import org.duban.plan.Task;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Task.evidence and links as evidence; files come through POST /tasks/{taskId}/evidence. */
@GraphQLApi
@Authenticated
public class EvidenceApi {

    private final EvidenceQueries evidence;
    private final EvidenceService service;
    private final Callers callers;

    EvidenceApi(EvidenceQueries evidence, EvidenceService service, Callers callers) {
        this.evidence = evidence;
        this.service = service;
        this.callers = callers;
    }

    @NonNull
    @Description("Files and links put on the task, oldest first; pass their ids as evidenceIds when reporting, submitting or ticking")
    public Uni<List<List<@NonNull Evidence>>> evidence(@Source List<Task> tasks) {
        return evidence.ofTasks(Batches.keys(tasks, Task::id))
                .map(found -> Batches.grouped(tasks, Task::id, found, Evidence::taskId));
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN, Roles.UNIT })
    @Description("Puts a link (http or https) on the task as evidence: for the task's responsible units and the office.")
    public Uni<@NonNull Evidence> addEvidenceLink(@NonNull @Id String taskId, @NonNull String url, @NonNull String title) {
        return callers.current().chain(caller -> service.addLink(taskId, url, title, caller));
    }
}
