package org.duban.mywork;

import java.util.List;

import org.duban.access.Callers;
import org.duban.common.sql.Batches;
import org.duban.people.TaskPeopleQueries;
import org.duban.people.TaskPerson;
import org.duban.signing.Signing;
import org.duban.signing.SigningQueries;
import org.duban.supervision.InstructionQueries;
import org.duban.urging.UrgingQueries;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** A unit's inbox on the phone, and what its assignments show of signing and named people. */
@GraphQLApi
@Authenticated
public class InboxApi {

    static final int INBOX_LIMIT = 100;

    private final SigningQueries signings;
    private final UrgingQueries urgings;
    private final InstructionQueries instructions;
    private final TaskPeopleQueries people;
    private final Callers callers;

    InboxApi(SigningQueries signings, UrgingQueries urgings, InstructionQueries instructions, TaskPeopleQueries people,
            Callers callers) {
        this.signings = signings;
        this.urgings = urgings;
        this.instructions = instructions;
        this.people = people;
        this.callers = callers;
    }

    @Query
    @Description("What the caller's unit has to sign for, and the urgings and instructions it has to answer")
    public Uni<@NonNull Inbox> myInbox() {
        return callers.current().chain(caller -> {
            if (caller.unitId() == null) {
                return Uni.createFrom().item(new Inbox(List.of(), List.of(), List.of()));
            }
            long unit = caller.unitId();
            return signings.awaitedByUnit(unit, INBOX_LIMIT)
                    .chain(toSign -> urgings.unansweredByUnit(unit, INBOX_LIMIT)
                            .chain(urged -> instructions.awaitingUnit(unit, INBOX_LIMIT)
                                    .map(awaiting -> new Inbox(toSign, urged, awaiting))));
        });
    }

    @Description("The unit's signing for the task (签收)")
    public Uni<List<Signing>> signing(@Source List<Assignment> assignments) {
        return signings.ofTasks(Batches.keys(assignments, a -> a.task().id()))
                .chain(found -> callers.current().map(caller -> assignments.stream().map(a -> found.stream()
                        .filter(s -> s.taskId() == a.task().id() && caller.unitId() != null && s.unitId() == caller.unitId())
                        .findFirst().orElse(null)).toList()));
    }

    @NonNull
    @Description("The people the unit named for its part of the task (责任到人)")
    public Uni<List<List<@NonNull TaskPerson>>> people(@Source List<Assignment> assignments) {
        return callers.current().chain(caller -> caller.unitId() == null
                ? Uni.createFrom().item(assignments.stream().map(a -> List.<TaskPerson>of()).toList())
                : people.ofUnit(caller.unitId(), Batches.keys(assignments, a -> a.task().id()))
                        .map(found -> Batches.grouped(assignments, a -> a.task().id(), found, TaskPerson::taskId)));
    }
}
