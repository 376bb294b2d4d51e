package org.duban.supervision;

import static org.duban.common.sql.Rows.map;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.duban.common.ChinaTime;
import org.duban.common.page.KeysetPage;
import org.duban.common.page.PageRequest;
import org.duban.common.sql.SqlParams;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Leader instructions (批示) and the units' answers: on tasks, a leader's own, those a unit has to answer. */
@ApplicationScoped
public class InstructionQueries {

    private static final KeysetPage NEWEST_FIRST = KeysetPage.descending("instruction", new KeysetPage.Key("i.id", "id", KeysetPage.LONG));

    private final Pool pool;
    private final Clock clock;

    InstructionQueries(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** Leader instructions on each task, oldest first. */
    public Uni<List<Instruction>> ofTasks(Long[] taskIds) {
        LocalDate today = ChinaTime.today(clock);
        return pool.preparedQuery("select " + Instruction.COLUMNS + " from instruction i where i.task_id = any($1) order by i.id")
                .execute(Tuple.of((Object) taskIds))
                .map(rows -> map(rows, row -> Instruction.from(row, today)));
    }

    /** The answers to these instructions, oldest first. */
    public Uni<List<InstructionAnswer>> answersTo(Long[] instructionIds) {
        return pool.preparedQuery("select " + InstructionAnswer.COLUMNS + " from instruction_answer x where x.instruction_id = any($1)"
                + " order by x.instruction_id, x.id").execute(Tuple.of((Object) instructionIds))
                .map(rows -> map(rows, InstructionAnswer::from));
    }

    /** The instructions an account gave, newest first, in one state or all, of live tasks. */
    public Uni<InstructionConnection> givenBy(long accountId, InstructionState state, PageRequest page) {
        SqlParams params = new SqlParams();
        LocalDate today = ChinaTime.today(clock);
        String conditions = "i.account_id = " + params.bind(accountId)
                + " and exists (select 1 from task t where t.id = i.task_id and t.deleted_at is null)"
                + (state == null ? "" : " and " + Instruction.stateSql(params.bind(today)) + " = " + params.bind(state.name()));
        String sql = NEWEST_FIRST.sql(Instruction.COLUMNS, " from instruction i", conditions, page, params);
        return pool.preparedQuery(sql).execute(params.tuple())
                .map(rows -> InstructionConnection.of(NEWEST_FIRST.slice(rows, page, row -> Instruction.from(row, today))));
    }

    /** What a unit has still to answer, soonest due first, at most {@code limit}: of live, open tasks it is responsible for. */
    public Uni<List<Instruction>> awaitingUnit(long unitId, int limit) {
        LocalDate today = ChinaTime.today(clock);
        return pool.preparedQuery("select " + Instruction.COLUMNS + " from task_unit tu join instruction i on i.task_id = tu.task_id"
                + " join task t on t.id = i.task_id where tu.unit_id = $1 and i.answer_by is not null and t.deleted_at is null"
                + " and is_open(t.status) and not exists (select 1 from instruction_answer x where x.instruction_id = i.id"
                + " and x.unit_id = $1) order by i.answer_by, i.id limit $2")
                .execute(Tuple.of(unitId, limit))
                .map(rows -> map(rows, row -> Instruction.from(row, today)));
    }
}
