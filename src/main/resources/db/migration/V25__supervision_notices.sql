-- The supervision notice (督办单): a numbered paper the office issues to a unit lagging on a task (or a milestone of it),
-- at a level (blue, yellow, red), with the facts as they stood that day, what is required and by when the unit replies.
-- The facts are kept as issued, so that the paper reads the same later; the unit's reply closes it.

-- Numbers run per region and year (督办〔2022〕3号): the next is taken under the row's lock, so two offices issuing at
-- once get two numbers and no gap is left by a notice that was not issued (its transaction rolls the number back).
create table supervision_notice_serial (
    region_id   bigint not null references region (id),
    year        int    not null,
    last_serial int    not null,
    primary key (region_id, year)
);

create table supervision_notice (
    id                 bigserial   primary key,
    region_id          bigint      not null references region (id),
    year               int         not null,
    serial             int         not null check (serial > 0),
    number             text        not null,
    task_id            bigint      not null references task (id),
    milestone_id       bigint      references task_milestone (id),
    unit_id            bigint      not null references unit (id),
    level              text        not null check (level in ('BLUE', 'YELLOW', 'RED')),
    issuing_office     text        not null,
    unit_name          text        not null,
    plan_title         text        not null,
    plan_number        text,
    task_code          text        not null,
    task_title         text        not null,
    milestone_title    text,
    deadline           date,
    overdue_days       int         not null check (overdue_days >= 0),
    percent_complete   int         not null check (percent_complete between 0 and 100),
    warning_level      text        check (warning_level in ('GREEN', 'YELLOW', 'RED')),
    urgings            text[]      not null default '{}',
    requirement        text        not null check (length(requirement) between 1 and 2000),
    reply_by           date        not null,
    issued_on          date        not null,
    issued_at          timestamptz not null,
    issued_by          bigint      references account (id),
    reply              text        check (length(reply) between 1 and 5000),
    reply_evidence_ids bigint[]    not null default '{}',
    replied_at         timestamptz,
    replied_by         bigint      references account (id),
    unique (region_id, year, serial),
    check ((reply is null) = (replied_at is null))
);
-- A task's record, a unit's count by level, and the replies the scheduler still reminds of.
create index supervision_notice_task on supervision_notice (task_id, id);
create index supervision_notice_unit on supervision_notice (unit_id, issued_on);
create index supervision_notice_awaiting on supervision_notice (reply_by) where replied_at is null;

create trigger audit after insert or update or delete on supervision_notice
    for each row execute function audit_row_change('SupervisionNotice', 'id', '', 'task_id', 'task_id', 'task', 'guarded');

-- The notices of the office's week gain the supervision notice, the reminder to reply and the reply told to the office.
alter table notice drop constraint notice_kind;
alter table notice add constraint notice_kind check (kind in ('INSTRUCTION', 'INSPECTION', 'ASSIGNED', 'SUBMITTED',
    'REJECTED', 'SIGNED_OFF', 'SUSPENDED', 'REOPENED', 'EXTENSION_DECIDED', 'MILESTONE_REACHED', 'MILESTONE_MISSED',
    'SIGN_OVERDUE', 'RETURNED', 'RETURN_DECIDED', 'URGING', 'INSTRUCTION_ANSWERED', 'INSTRUCTION_DUE', 'OVERDUE_DIGEST',
    'SUPERVISION_NOTICE', 'SUPERVISION_NOTICE_DUE', 'SUPERVISION_NOTICE_REPLIED'));
