-- Many governments on one Duban: regions form a tree (province → city → county → township), ADMIN and
-- LEADER govern the regions granted to them and oversee everything below, and a county plan may answer a
-- city plan task by task.

alter table region add column parent_id bigint references region (id),
                   -- The ids from the root down to the region itself: "r is under g" is lineage @> {g}, one
                   -- indexed test instead of a recursive walk on every request.
                   add column lineage bigint[];

create function region_lineage() returns trigger language plpgsql as $$
declare
    above bigint[] := '{}';
begin
    if new.parent_id is not null then
        select lineage into above from region where id = new.parent_id;
        if new.id = any (above) then
            raise exception 'region % cannot be placed under its own descendant %', new.id, new.parent_id
                using errcode = '23514';
        end if;
    end if;
    new.lineage := above || new.id;
    return new;
end
$$;
create trigger region_lineage before insert or update of parent_id on region
    for each row execute function region_lineage();

-- A region moved under another parent takes its whole subtree along.
create function region_subtree_follows() returns trigger language plpgsql as $$
begin
    update region set lineage = new.lineage || lineage[array_position(lineage, new.id) + 1:]
    where lineage @> array[new.id] and id <> new.id;
    return null;
end
$$;
create trigger region_subtree_follows after update of parent_id on region
    for each row when (old.parent_id is distinct from new.parent_id) execute function region_subtree_follows();

update region set lineage = array[id];
alter table region alter column lineage set not null;
create index region_lineage on region using gin (lineage);
create index region_parent on region (parent_id);

-- The regions in which an account's ADMIN and LEADER roles apply; each reaches down to every region below.
create table account_region (
    account_id bigint not null references account (id) on delete cascade,
    region_id  bigint not null references region (id),
    primary key (account_id, region_id)
);
-- The office of a region: its governing accounts, for notices and bulletins.
create index account_region_region on account_region (region_id, account_id);

-- Before regions were scoped, ADMIN and LEADER reached everything: an account with a unit keeps its unit's
-- region, one without keeps every region there is (all of them roots until someone places them in a tree).
insert into account_region (account_id, region_id)
select a.id, coalesce(u.region_id, r.id)
from account a
         left join unit u on u.id = a.unit_id
         left join region r on a.unit_id is null
where a.roles && array['ADMIN', 'LEADER']
  and (u.region_id is not null or r.id is not null)
on conflict do nothing;

-- A county plan answers a higher plan (the city's), and each of its tasks may carry out one task of it.
alter table plan add column answers_plan_id bigint references plan (id);
alter table task add column answers_task_id bigint references task (id);
create index task_answers on task (answers_task_id) where answers_task_id is not null and deleted_at is null;

-- The region an audited row belongs to, found from one of its columns: 'region' (the column is the region),
-- or the table the column points at.
create function region_of(via text, key bigint) returns bigint language sql stable as $$
    select case via
               when 'region' then key
               when 'plan' then (select region_id from plan where id = key)
               when 'task' then (select p.region_id from task t join plan p on p.id = t.plan_id where t.id = key)
               when 'unit' then (select region_id from unit where id = key)
               when 'unit_set' then (select region_id from unit_set where id = key)
               when 'leading_group' then (select region_id from leading_group where id = key)
               when 'parcel' then (select region_id from parcel where id = key)
               when 'inspection' then (select p.region_id from inspection i join plan p on p.id = i.plan_id where i.id = key)
           end
$$;

-- Every audited row carries its region, so that the audit trail is scoped like everything else.
alter table audit_log add column region_id bigint;
create index audit_log_region on audit_log (region_id, id);

-- The audit trigger also guards: a mutation writes only in the regions its caller may write in (stamped by
-- AuditTrail as duban.write_regions). A row of a region the caller oversees but does not govern is refused as
-- DB403 (FORBIDDEN), one of a region out of its sight as DB404 (NOT_FOUND), so no service can forget the check.
-- Arguments after the first four: the column that leads to the region, how it leads there (region_of), and
-- 'guarded' unless rows of the table are written for the caller itself (its account, its notifications).
create or replace function audit_row_change() returns trigger language plpgsql as $$
declare
    operation text := nullif(current_setting('duban.audit_operation', true), '');
    hidden    text[] := coalesce(string_to_array(nullif(tg_argv[2], ''), ','), '{}');
    old_row   jsonb;
    new_row   jsonb;
    row_data  jsonb;
    region    bigint;
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
    if tg_nargs > 4 and tg_argv[4] <> '' then
        region := region_of(tg_argv[5], (row_data ->> tg_argv[4])::bigint);
        if tg_argv[6] = 'guarded' then
            perform region_writable(region);
            if tg_op = 'UPDATE' and (old_row ->> tg_argv[4]) is distinct from (new_row ->> tg_argv[4]) then
                perform region_writable(region_of(tg_argv[5], (old_row ->> tg_argv[4])::bigint));
            end if;
        end if;
    end if;
    insert into audit_log (at, actor_id, actor_name, operation, action, entity_type, entity_id, task_id, before, after,
                           region_id)
    values (current_setting('duban.audit_at')::timestamptz,
            nullif(current_setting('duban.audit_actor_id', true), '')::bigint,
            nullif(current_setting('duban.audit_actor_name', true), ''),
            operation, tg_op, tg_argv[0],
            (select string_agg(row_data ->> key, '@' order by position)
             from unnest(string_to_array(tg_argv[1], ',')) with ordinality as keys(key, position)),
            case when tg_argv[3] <> '' then (row_data ->> tg_argv[3])::bigint end,
            old_row, new_row, region);
    return null;
end
$$;

-- True, or the error the guard raises. Services also call it on the row a mutation starts from, so that an object
-- of another region answers NOT_FOUND before any other check could tell it exists. Outside a mutation (the
-- scheduler, the demo loader) nothing is guarded.
create function region_writable(region bigint) returns boolean language plpgsql stable as $$
begin
    if region is null or nullif(current_setting('duban.audit_operation', true), '') is null
        or region = any (coalesce(nullif(current_setting('duban.write_regions', true), '')::bigint[], '{}')) then
        return true;
    end if;
    if region = any (coalesce(nullif(current_setting('duban.read_regions', true), '')::bigint[], '{}')) then
        raise exception 'region % is overseen, not governed, by the caller', region using errcode = 'DB403';
    end if;
    raise exception 'region % is out of the caller''s scope', region using errcode = 'DB404';
end
$$;

-- The audit triggers again, each now told where its rows' region is. Calendar days, deliveries and notifications
-- belong to no region (deliveries are checked by the service that retries them).

drop trigger audit on account;
create trigger audit after insert or update or delete on account
    for each row execute function audit_row_change('User', 'id', 'password_hash,calendar_feed_digest', '', 'unit_id', 'unit', 'free');

drop trigger audit on approval_adjustment;
create trigger audit after insert or update or delete on approval_adjustment
    for each row execute function audit_row_change('ApprovalAdjustment', 'id', '', '', 'parcel_id', 'parcel', 'guarded');

drop trigger audit on control_indicator;
create trigger audit after insert or update or delete on control_indicator
    for each row execute function audit_row_change('ControlIndicator', 'id', '', '', 'parcel_id', 'parcel', 'guarded');

drop trigger audit on deadline_extension;
create trigger audit after insert or update or delete on deadline_extension
    for each row execute function audit_row_change('DeadlineExtension', 'id', '', 'task_id', 'task_id', 'task', 'guarded');

drop trigger audit on deliverable;
create trigger audit after insert or update or delete on deliverable
    for each row execute function audit_row_change('Deliverable', 'id', '', 'task_id', 'task_id', 'task', 'guarded');

drop trigger audit on evidence;
create trigger audit after insert or update or delete on evidence
    for each row execute function audit_row_change('Evidence', 'id', '', 'task_id', 'task_id', 'task', 'guarded');

drop trigger audit on inspection;
create trigger audit after insert or update or delete on inspection
    for each row execute function audit_row_change('Inspection', 'id', '', '', 'plan_id', 'plan', 'guarded');

drop trigger audit on inspection_outcome;
create trigger audit after insert or update or delete on inspection_outcome
    for each row execute function audit_row_change('InspectionOutcome', 'inspection_id,unit_id', '', '', 'inspection_id', 'inspection', 'guarded');

drop trigger audit on instruction;
create trigger audit after insert or update or delete on instruction
    for each row execute function audit_row_change('Instruction', 'id', '', 'task_id', 'task_id', 'task', 'guarded');

drop trigger audit on instruction_answer;
create trigger audit after insert or update or delete on instruction_answer
    for each row execute function audit_row_change('InstructionAnswer', 'id', '', 'task_id', 'task_id', 'task', 'guarded');

drop trigger audit on land_quota;
create trigger audit after insert or update or delete on land_quota
    for each row execute function audit_row_change('Quota', 'id', '', '', 'region_id', 'region', 'guarded');

drop trigger audit on leading_group;
create trigger audit after insert or update or delete on leading_group
    for each row execute function audit_row_change('LeadingGroup', 'id', '', '', 'region_id', 'region', 'guarded');

drop trigger audit on leading_group_member;
create trigger audit after insert or update or delete on leading_group_member
    for each row execute function audit_row_change('LeadingGroupMember', 'id', '', '', 'group_id', 'leading_group', 'guarded');

drop trigger audit on notice;
create trigger audit after insert or update or delete on notice
    for each row execute function audit_row_change('Notice', 'id', '', 'task_id', 'task_id', 'task', 'free');

drop trigger audit on parcel;
create trigger audit after insert or update or delete on parcel
    for each row execute function audit_row_change('Parcel', 'id', '', '', 'region_id', 'region', 'guarded');

drop trigger audit on parcel_stage_change;
create trigger audit after insert or update or delete on parcel_stage_change
    for each row execute function audit_row_change('StageChange', 'id', '', '', 'parcel_id', 'parcel', 'guarded');

drop trigger audit on plan;
create trigger audit after insert or update or delete on plan
    for each row execute function audit_row_change('Plan', 'id', '', '', 'region_id', 'region', 'guarded');

drop trigger audit on plan_addressee;
create trigger audit after insert or update or delete on plan_addressee
    for each row execute function audit_row_change('PlanAddressee', 'plan_id,ordinal', '', '', 'plan_id', 'plan', 'guarded');

drop trigger audit on plan_basis_document;
create trigger audit after insert or update or delete on plan_basis_document
    for each row execute function audit_row_change('BasisDocument', 'id', '', '', 'plan_id', 'plan', 'guarded');

drop trigger audit on plan_leading_group;
create trigger audit after insert or update or delete on plan_leading_group
    for each row execute function audit_row_change('PlanLeadingGroup', 'plan_id,group_id', '', '', 'plan_id', 'plan', 'guarded');

drop trigger audit on plan_problem;
create trigger audit after insert or update or delete on plan_problem
    for each row execute function audit_row_change('PlanProblem', 'id', '', '', 'plan_id', 'plan', 'guarded');

drop trigger audit on plan_problem_task;
create trigger audit after insert or update or delete on plan_problem_task
    for each row execute function audit_row_change('PlanProblemTask', 'problem_id,task_id', '', 'task_id', 'task_id', 'task', 'guarded');

drop trigger audit on progress_report;
create trigger audit after insert or update or delete on progress_report
    for each row execute function audit_row_change('ProgressReport', 'id', '', 'task_id', 'task_id', 'task', 'guarded');

drop trigger audit on region;
create trigger audit after insert or update or delete on region
    for each row execute function audit_row_change('Region', 'id', '', '', 'id', 'region', 'free');

drop trigger audit on regional_evaluation;
create trigger audit after insert or update or delete on regional_evaluation
    for each row execute function audit_row_change('RegionalEvaluation', 'id', '', '', 'zone_id', 'unit', 'guarded');

drop trigger audit on task;
create trigger audit after insert or update or delete on task
    for each row execute function audit_row_change('Task', 'id', '', 'id', 'plan_id', 'plan', 'guarded');

drop trigger audit on task_assignment;
create trigger audit after insert or update or delete on task_assignment
    for each row execute function audit_row_change('TaskAssignment', 'id', '', 'task_id', 'task_id', 'task', 'guarded');

drop trigger audit on task_measure;
create trigger audit after insert or update or delete on task_measure
    for each row execute function audit_row_change('Measure', 'id', '', 'task_id', 'task_id', 'task', 'guarded');

drop trigger audit on task_milestone;
create trigger audit after insert or update or delete on task_milestone
    for each row execute function audit_row_change('Milestone', 'id', '', 'task_id', 'task_id', 'task', 'guarded');

drop trigger audit on task_occurrence;
create trigger audit after insert or update or delete on task_occurrence
    for each row execute function audit_row_change('TaskOccurrence', 'task_id,due_on', '', 'task_id', 'task_id', 'task', 'guarded');

drop trigger audit on task_person;
create trigger audit after insert or update or delete on task_person
    for each row execute function audit_row_change('TaskPerson', 'task_id,unit_id,role', '', 'task_id', 'task_id', 'task', 'guarded');

drop trigger audit on task_signing;
create trigger audit after insert or update or delete on task_signing
    for each row execute function audit_row_change('TaskSigning', 'task_id,unit_id', '', 'task_id', 'task_id', 'task', 'guarded');

drop trigger audit on task_status_change;
create trigger audit after insert or update or delete on task_status_change
    for each row execute function audit_row_change('TaskStatusChange', 'id', '', 'task_id', 'task_id', 'task', 'guarded');

drop trigger audit on unit;
create trigger audit after insert or update or delete on unit
    for each row execute function audit_row_change('Unit', 'id', '', '', 'region_id', 'region', 'guarded');

drop trigger audit on unit_channel;
create trigger audit after insert or update or delete on unit_channel
    for each row execute function audit_row_change('UnitChannels', 'unit_id', 'webhook_secret', '', 'unit_id', 'unit', 'guarded');

drop trigger audit on unit_set;
create trigger audit after insert or update or delete on unit_set
    for each row execute function audit_row_change('UnitSet', 'id', '', '', 'region_id', 'region', 'guarded');

drop trigger audit on unit_set_member;
create trigger audit after insert or update or delete on unit_set_member
    for each row execute function audit_row_change('UnitSetMember', 'set_id,unit_id', '', '', 'set_id', 'unit_set', 'guarded');

drop trigger audit on urging;
create trigger audit after insert or update or delete on urging
    for each row execute function audit_row_change('Urging', 'id', '', 'task_id', 'task_id', 'task', 'guarded');

