-- Access: account lockout, calendar feed secrets, and the audit trail (留痕) of every mutation.

-- Repeated failed logins lock an account until locked_until. The calendar secret is the per-account
-- key in an iCalendar feed URL, kept only as its SHA-256 digest; rotating it kills the old URL.
alter table account add column failed_logins   integer not null default 0,
                    add column locked_until    timestamptz,
                    add column calendar_feed_digest text unique;

-- One row per row changed by a mutation: who, when, which GraphQL operation, which object, the values
-- before and after. Written by triggers in the mutation's own transaction, so no change escapes it and
-- no row exists for a change that rolled back. Append-only (see below).
create table audit_log (
    id          bigint generated always as identity primary key,
    at          timestamptz not null,
    actor_id    bigint,
    actor_name  text,
    operation   text not null,
    action      text not null check (action in ('INSERT', 'UPDATE', 'DELETE')),
    entity_type text not null,
    entity_id   text not null,
    -- The task the row belongs to, for task.history.
    task_id     bigint,
    before      jsonb,
    after       jsonb
);
create index audit_log_entity on audit_log (entity_type, entity_id, id);
create index audit_log_task on audit_log (task_id, id) where task_id is not null;
create index audit_log_actor on audit_log (actor_id, id);
create index audit_log_at on audit_log (at, id);

-- The mutation stamps its transaction (set_config(..., true)) with the operation, the actor and the
-- time of its clock; a transaction without a stamp (the scheduler, the demo loader, migrations) is not a
-- mutation and leaves no audit row.
-- Arguments: entity type, the key column(s) of the entity id ('a,b' joins with '@'), columns never
-- to record (secrets, hashes), and the column naming the task the row belongs to ('' when none).
create function audit_row_change() returns trigger language plpgsql as $$
declare
    operation text := nullif(current_setting('duban.audit_operation', true), '');
    hidden    text[] := coalesce(string_to_array(nullif(tg_argv[2], ''), ','), '{}');
    old_row   jsonb;
    new_row   jsonb;
    row_data  jsonb;
begin
    if operation is null then
        return null;
    end if;
    if tg_op <> 'INSERT' then
        old_row := to_jsonb(old) - hidden;
    end if;
    if tg_op <> 'DELETE' then
        new_row := to_jsonb(new) - hidden;
    end if;
    if old_row = new_row then
        return null;
    end if;
    row_data := coalesce(new_row, old_row);
    insert into audit_log (at, actor_id, actor_name, operation, action, entity_type, entity_id, task_id, before, after)
    values (current_setting('duban.audit_at')::timestamptz,
            nullif(current_setting('duban.audit_actor_id', true), '')::bigint,
            nullif(current_setting('duban.audit_actor_name', true), ''),
            operation, tg_op, tg_argv[0],
            (select string_agg(row_data ->> key, '@' order by position)
             from unnest(string_to_array(tg_argv[1], ',')) with ordinality as keys(key, position)),
            case when tg_argv[3] <> '' then (row_data ->> tg_argv[3])::bigint end,
            old_row, new_row);
    return null;
end
$$;

create trigger audit after insert or update or delete on region
    for each row execute function audit_row_change('Region', 'id', '', '');
create trigger audit after insert or update or delete on unit
    for each row execute function audit_row_change('Unit', 'id', '', '');
create trigger audit after insert or update or delete on account
    for each row execute function audit_row_change('User', 'id', 'password_hash,calendar_feed_digest', '');
create trigger audit after insert or update or delete on leading_group
    for each row execute function audit_row_change('LeadingGroup', 'id', '', '');
create trigger audit after insert or update or delete on leading_group_member
    for each row execute function audit_row_change('LeadingGroupMember', 'id', '', '');
create trigger audit after insert or update or delete on unit_set
    for each row execute function audit_row_change('UnitSet', 'id', '', '');
create trigger audit after insert or update or delete on unit_set_member
    for each row execute function audit_row_change('UnitSetMember', 'set_id,unit_id', '', '');
create trigger audit after insert or update or delete on plan
    for each row execute function audit_row_change('Plan', 'id', '', '');
create trigger audit after insert or update or delete on plan_basis_document
    for each row execute function audit_row_change('BasisDocument', 'id', '', '');
create trigger audit after insert or update or delete on plan_leading_group
    for each row execute function audit_row_change('PlanLeadingGroup', 'plan_id,group_id', '', '');
create trigger audit after insert or update or delete on task
    for each row execute function audit_row_change('Task', 'id', '', 'id');
create trigger audit after insert or update or delete on task_assignment
    for each row execute function audit_row_change('TaskAssignment', 'id', '', 'task_id');
create trigger audit after insert or update or delete on deliverable
    for each row execute function audit_row_change('Deliverable', 'id', '', 'task_id');
create trigger audit after insert or update or delete on task_status_change
    for each row execute function audit_row_change('TaskStatusChange', 'id', '', 'task_id');
create trigger audit after insert or update or delete on task_occurrence
    for each row execute function audit_row_change('TaskOccurrence', 'task_id,due_on', '', 'task_id');
create trigger audit after insert or update or delete on task_measure
    for each row execute function audit_row_change('Measure', 'id', '', 'task_id');
create trigger audit after insert or update or delete on parcel
    for each row execute function audit_row_change('Parcel', 'id', '', '');
create trigger audit after insert or update or delete on approval_adjustment
    for each row execute function audit_row_change('ApprovalAdjustment', 'id', '', '');
create trigger audit after insert or update or delete on land_quota
    for each row execute function audit_row_change('Quota', 'id', '', '');
create trigger audit after insert or update or delete on parcel_stage_change
    for each row execute function audit_row_change('StageChange', 'id', '', '');
create trigger audit after insert or update or delete on control_indicator
    for each row execute function audit_row_change('ControlIndicator', 'id', '', '');
create trigger audit after insert or update or delete on regional_evaluation
    for each row execute function audit_row_change('RegionalEvaluation', 'id', '', '');
create trigger audit after insert or update or delete on calendar_year
    for each row execute function audit_row_change('CalendarYear', 'year', '', '');
create trigger audit after insert or update or delete on calendar_day
    for each row execute function audit_row_change('CalendarDay', 'day', '', '');
create trigger audit after insert or update or delete on unit_channel
    for each row execute function audit_row_change('UnitChannels', 'unit_id', 'webhook_secret', '');
create trigger audit after insert or update or delete on notification
    for each row execute function audit_row_change('Notification', 'id', '', '');
create trigger audit after insert or update or delete on delivery
    for each row execute function audit_row_change('Delivery', 'id', '', '');

-- Nothing rewrites history: not the API (it has no such operation), not a bug, not a stray script run
-- as the service's database user.
create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only' using errcode = 'insufficient_privilege';
end
$$;
create trigger append_only before update or delete or truncate on audit_log
    for each statement execute function audit_log_is_append_only();
