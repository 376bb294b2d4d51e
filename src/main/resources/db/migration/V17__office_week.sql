-- The office's week (督办闭环): every move is told, work has named people, units sign for it, the office urges and
-- sees who has read, overdue work is reminded on a cadence, and instructions are answered.

-- A notice now tells of any event, to a unit or to one account (the office's inbox: ADMIN accounts), once per
-- recipient and event: the event key names what happened ('move:<status change>', 'assigned:<task>:<unit>', ...),
-- so any number of writers, retries and instances write it once.
alter table notice drop constraint notice_kind_check;
alter table notice alter column unit_id drop not null,
                   add column account_id bigint references account (id),
                   add column event text,
                   add constraint notice_kind check (kind in ('INSTRUCTION', 'INSPECTION', 'ASSIGNED', 'SUBMITTED',
                       'REJECTED', 'SIGNED_OFF', 'SUSPENDED', 'REOPENED', 'EXTENSION_DECIDED', 'MILESTONE_REACHED',
                       'MILESTONE_MISSED', 'SIGN_OVERDUE', 'RETURNED', 'RETURN_DECIDED', 'URGING', 'INSTRUCTION_ANSWERED',
                       'INSTRUCTION_DUE', 'OVERDUE_DIGEST')),
                   add constraint notice_to_one check (num_nonnulls(unit_id, account_id) = 1),
                   add constraint notice_event_kinds check ((event is null) = (kind in ('INSTRUCTION', 'INSPECTION')));
create unique index notice_event_unit_once on notice (event, unit_id) where event is not null and unit_id is not null;
create unique index notice_event_account_once on notice (event, account_id) where event is not null and account_id is not null;
create index notice_task on notice (task_id, id) where task_id is not null;
create index notice_by_event on notice (event) where event is not null;
create index notification_inbox_by_kind on notification (account_id, kind, id desc);

-- The people a unit names for its part of a task (责任到人): the leader in charge (责任领导), the responsible person
-- (责任人) and a liaison (联络员). Messages about the task to the unit reach their accounts too.
create table task_person (
    task_id    bigint not null references task (id) on delete cascade,
    unit_id    bigint not null references unit (id),
    role       text   not null check (role in ('LEADER_IN_CHARGE', 'RESPONSIBLE', 'LIAISON')),
    name       text   not null,
    title      text,
    account_id bigint references account (id),
    mobile     text,
    updated_at timestamptz not null,
    primary key (task_id, unit_id, role)
);
create index task_person_account on task_person (account_id) where account_id is not null;

-- Signing for a task (签收): one row per unit that became responsible for a task, opened by the trigger below in the
-- transaction that made it responsible, at the time of that transaction's clock (the stamp of audit/AuditTrail).
-- told: the assignment (交办) notice is written; overdue_told: the unit was reminded it is overdue to sign (领办逾期).
create table task_signing (
    task_id         bigint  not null references task (id) on delete cascade,
    unit_id         bigint  not null references unit (id),
    assigned_at     timestamptz not null,
    assigned_on     date    not null,
    told            boolean not null default false,
    overdue_told    boolean not null default false,
    signed_at       timestamptz,
    signed_by       bigint references account (id),
    returned_at     timestamptz,
    returned_by     bigint references account (id),
    return_reason   text,
    return_decision text check (return_decision in ('REASSIGNED', 'INSISTED')),
    decided_at      timestamptz,
    decided_by      bigint references account (id),
    decision_note   text,
    primary key (task_id, unit_id),
    check ((returned_at is null) = (return_reason is null))
);
create index task_signing_untold on task_signing (assigned_at) where not told;
create index task_signing_unsigned on task_signing (assigned_on) where signed_at is null and not overdue_told;
create index task_signing_awaited_by_unit on task_signing (unit_id, assigned_on, task_id) where signed_at is null;

create function task_signing_opens() returns trigger
    language plpgsql as
$$
declare
    at timestamptz := coalesce(nullif(current_setting('duban.audit_at', true), '')::timestamptz, statement_timestamp());
begin
    insert into task_signing (task_id, unit_id, assigned_at, assigned_on)
    select distinct n.task_id, n.unit_id, at, (at at time zone 'Asia/Shanghai')::date from new_rows n
    on conflict (task_id, unit_id) do nothing;
    return null;
end
$$;
create trigger task_signing_on_insert after insert on task_unit referencing new table as new_rows
    for each statement execute function task_signing_opens();

-- Work assigned before signing existed counts as signed and told: nobody is asked to sign for old work.
insert into task_signing (task_id, unit_id, assigned_at, assigned_on, told, overdue_told, signed_at)
select task_id, unit_id, now(), (now() at time zone 'Asia/Shanghai')::date, true, true, now() from task_unit
on conflict do nothing;

-- Urging (催办): by message through Duban or recorded after the fact. The automatic urging of the ladder is a
-- reminder of kind URGING (org.duban.reminder), so that it goes once like every reminder.
create table urging (
    id             bigint generated by default as identity primary key,
    task_id        bigint not null references task (id),
    unit_id        bigint not null references unit (id),
    milestone_id   bigint references task_milestone (id) on delete set null,
    channel        text   not null check (channel in ('MESSAGE', 'PHONE', 'LETTER', 'VISIT', 'MEETING')),
    message        text,
    person_reached text,
    answer         text,
    urged_at       timestamptz not null,
    account_id     bigint references account (id),
    created_at     timestamptz not null,
    check (channel = 'MESSAGE' or person_reached is not null)
);
create index urging_task on urging (task_id, id);
create index urging_unit on urging (unit_id, urged_at);

alter table reminder drop constraint reminder_kind_check;
alter table reminder add constraint reminder_kind check (kind in ('BEFORE_DEADLINE', 'DUE_TODAY', 'OVERDUE', 'ESCALATION', 'URGING'));
-- A task's and a plan's automatic urgings (task.urgings, the scoreboard) without reading every reminder of their tasks.
create index reminder_urgings on reminder (task_id) where kind = 'URGING' and unit_id is not null;

-- The policy for overdue work: the automatic urging after N working days, daily reminders for the first ones, then
-- every K, and the digest of a unit with more than D overdue items. Null: as the plan says, then the defaults.
alter table plan add column urge_after_days      integer check (urge_after_days >= 1),
                 add column overdue_daily_days   integer check (overdue_daily_days >= 0),
                 add column overdue_every_days   integer check (overdue_every_days >= 1),
                 add column digest_above         integer check (digest_above >= 1);
alter table task add column urge_after_days      integer check (urge_after_days >= 1),
                 add column overdue_daily_days   integer check (overdue_daily_days >= 0),
                 add column overdue_every_days   integer check (overdue_every_days >= 1),
                 add column digest_above         integer check (digest_above >= 1);

-- The units whose overdue digest of a week is settled (org.duban.reminder.OverdueDigest): a run claims the units not
-- yet settled, a chunk at a time, and writes their digests in the same transaction; so a Monday's later runs read
-- nothing but this index, and a unit created during the week is settled by the next run.
create table overdue_digest_week (
    unit_id bigint not null references unit (id) on delete cascade,
    week_of date   not null,
    primary key (week_of, unit_id)
);

-- A delivery that follows an in-app message up: it waits until the message has been unread for a while, and is
-- cancelled once its account (account_id; for a unit's own channels, any of its accounts) read it.
alter table delivery add column account_id bigint references account (id),
                     add column unless_read boolean not null default false;
create index delivery_follow_ups on delivery (next_attempt_at) where unless_read and status = 'PENDING';
create index notification_by_notice on notification (notice_id) where notice_id is not null;
-- One reminder per person, task and day (org.duban.notify.Notifications): what the person already has of the task.
create index notification_by_account_task on notification (account_id, task_id) where reminder_id is not null;

-- Instructions that ask for an answer by a date (落实情况), and the units' answers.
alter table instruction add column answer_by date;
create table instruction_answer (
    id             bigint generated by default as identity primary key,
    instruction_id bigint not null references instruction (id) on delete cascade,
    task_id        bigint not null references task (id),
    unit_id        bigint not null references unit (id),
    body           text   not null,
    evidence_ids   bigint[] not null default '{}',
    account_id     bigint references account (id),
    answered_at    timestamptz not null
);
create index instruction_answer_of on instruction_answer (instruction_id, unit_id, id);
create index instruction_awaiting on instruction (answer_by) where answer_by is not null;
create index instruction_by_author on instruction (account_id, id);

-- An inspection's outcome for a unit may name its people too (奖励, 问责 of persons): names with their posts.
alter table inspection_outcome add column people text[] not null default '{}';

create trigger audit after insert or update or delete on task_person
    for each row execute function audit_row_change('TaskPerson', 'task_id,unit_id,role', '', 'task_id');
create trigger audit after insert or update or delete on task_signing
    for each row execute function audit_row_change('TaskSigning', 'task_id,unit_id', '', 'task_id');
create trigger audit after insert or update or delete on urging
    for each row execute function audit_row_change('Urging', 'id', '', 'task_id');
create trigger audit after insert or update or delete on instruction_answer
    for each row execute function audit_row_change('InstructionAnswer', 'id', '', 'task_id');
