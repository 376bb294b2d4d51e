-- The scheduler plans only the tasks whose reminders may be due (org.duban.reminder.ReminderPlanner.remindersDue).
-- For each task, the first day on which it can next give a reminder, and the day that was worked out on; a run
-- reads the tasks whose day has come through an index. 1900-01-01 means "plan it at the next run": a new task, or
-- one whose deadline, status, rule, policy, occurrences or calendar changed (the triggers below). A day worked out
-- on a later day than the scheduler's today (a clock set back, as tests and demos do) is not trusted either.
-- Written by the planner and by these triggers only.
create table reminder_due (
    task_id    bigint primary key references task (id) on delete cascade,
    next_on    date not null default date '1900-01-01',
    planned_on date not null default date '1900-01-01'
);
create index reminder_due_next on reminder_due (next_on);
create index reminder_due_planned on reminder_due (planned_on);
insert into reminder_due (task_id) select id from task;

-- A new task is planned at the next run, a changed one too, a deleted one never again.
create function reminder_due_mark() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into reminder_due (task_id) values (new.id);
    elsif (new.deadline, new.status, new.recurrence, new.start_date, new.reminder_days_before, new.escalate_after_days,
           new.deleted_at, new.plan_id)
          is distinct from
          (old.deadline, old.status, old.recurrence, old.start_date, old.reminder_days_before, old.escalate_after_days,
           old.deleted_at, old.plan_id) then
        update reminder_due set next_on = case when new.deleted_at is null then date '1900-01-01' else date '9999-12-31' end
         where task_id = new.id;
    end if;
    return null;
end
$$;
create trigger reminder_due after insert or update on task for each row execute function reminder_due_mark();

-- Always an update, even of a task already marked: a run that read the task before the change must not store a day
-- worked out from what it read (it stores only onto the row version it read).
create function reminder_due_mark_occurrence() returns trigger language plpgsql as $$
begin
    update reminder_due set next_on = date '1900-01-01' where task_id = coalesce(new.task_id, old.task_id);
    return null;
end
$$;
create trigger reminder_due after insert or update or delete on task_occurrence
    for each row execute function reminder_due_mark_occurrence();

create function reminder_due_mark_plan() returns trigger language plpgsql as $$
begin
    if (new.reminder_days_before, new.escalate_after_days, new.issued_on)
       is distinct from (old.reminder_days_before, old.escalate_after_days, old.issued_on) then
        update reminder_due d set next_on = date '1900-01-01' from task t
         where t.id = d.task_id and t.plan_id = new.id and t.deleted_at is null;
    end if;
    return null;
end
$$;
create trigger reminder_due after update on plan for each row execute function reminder_due_mark_plan();

create function reminder_due_mark_all() returns trigger language plpgsql as $$
begin
    update reminder_due d set next_on = date '1900-01-01' from task t where t.id = d.task_id and t.deleted_at is null;
    return null;
end
$$;
create trigger reminder_due after insert or update or delete on calendar_day
    for each statement execute function reminder_due_mark_all();
create trigger reminder_due after insert or update or delete on calendar_year
    for each statement execute function reminder_due_mark_all();

-- The reminder settings the stored days were worked out with (days before, escalation, time of day): a deployment
-- that changes them has every task planned again.
create table reminder_planning_basis (
    single boolean primary key default true check (single),
    basis  text not null
);
