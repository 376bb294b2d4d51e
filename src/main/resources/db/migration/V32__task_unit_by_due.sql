-- A unit's assignments (org.duban.mywork.AssignmentQueries) are ordered overdue first, then by due date and task, and
-- paged. Ordered by what the task holds, they could only be found by reading all the unit's tasks (a bureau's 100,000
-- at 1,000,000 tasks) or by walking every task by due date and keeping the unit's (22 ms a page there, and a unit whose
-- tasks are all done walked everyone's). task_unit now carries what the order and the filter need of its task, so
-- that a page is a range of the unit's own index whatever the unit's or the database's size: among open tasks the
-- order of (due, task) is the page's, the overdue ones first; settled tasks rank with those not overdue, by (due, task)
-- too; recurring tasks, whose due date only their rule knows, are read whole. The copies follow the task in the
-- transaction that changes it (the trigger below) and are written with the rows (refresh_task_units).
alter table task_unit
    add column task_due       date,
    add column task_status    text,
    add column task_recurring boolean,
    add column task_live      boolean;

update task_unit tu
   set task_due = coalesce(t.deadline, 'infinity'::date), task_status = t.status,
       task_recurring = t.recurrence is not null, task_live = t.deleted_at is null
  from task t
 where t.id = tu.task_id;

alter table task_unit
    alter column task_due set not null,
    alter column task_status set not null,
    alter column task_recurring set not null,
    alter column task_live set not null;

-- The status is included for the filter by status and for the list's count, read from these indexes alone (a bureau's
-- 100,000 assignments counted in 18 ms instead of 120-260 ms reading the table).
create index task_unit_open_by_due on task_unit (unit_id, task_due, task_id) include (task_status)
    where task_live and not task_recurring and is_open(task_status);
create index task_unit_settled_by_due on task_unit (unit_id, task_due, task_id) include (task_status)
    where task_live and not task_recurring and not is_open(task_status);
create index task_unit_recurring on task_unit (unit_id, task_id) where task_live and task_recurring;
-- V31's index of recurring tasks served the walk over all tasks that these indexes replace; nothing else reads it.
drop index task_recurring;

create or replace function refresh_task_units(ids bigint[]) returns void
    language plpgsql as
$$
begin
    if cardinality(ids) = 0 then
        return;
    end if;
    perform 1 from task where id = any (ids) order by id for update;
    delete from task_unit where task_id = any (ids);
    insert into task_unit (task_id, unit_id, role, via_set_id, ordinal, task_due, task_status, task_recurring, task_live)
    select r.task_id, r.unit_id, r.role, r.via_set_id, r.ordinal, coalesce(t.deadline, 'infinity'::date), t.status,
           t.recurrence is not null, t.deleted_at is null
      from resolve_task_units(ids) r
      join task t on t.id = r.task_id;
end
$$;

create function task_units_follow_task() returns trigger
    language plpgsql as
$$
begin
    update task_unit
       set task_due = coalesce(new.deadline, 'infinity'::date), task_status = new.status,
           task_recurring = new.recurrence is not null, task_live = new.deleted_at is null
     where task_id = new.id;
    return null;
end
$$;

create trigger task_units_follow_task after update of deadline, status, recurrence, deleted_at on task for each row
    when (old.deadline is distinct from new.deadline or old.status is distinct from new.status
        or (old.recurrence is null) <> (new.recurrence is null) or (old.deleted_at is null) <> (new.deleted_at is null))
    execute function task_units_follow_task();
