-- A message's words are written once, with the message (org.duban.notify.MessageText): the in-app notification
-- shows the reminder's title and body, and webhooks and e-mail send the same. Reminders written before this
-- migration get the words their in-app notifications were given then.
alter table reminder add column title text,
                     add column body  text;
update reminder r
   set title = '【' || case r.kind when 'BEFORE_DEADLINE' then '即将到期' when 'DUE_TODAY' then '今日到期'
                            when 'OVERDUE' then '已逾期' else '逾期督办' end || '】' || t.code || ' ' || left(t.title, 100),
       body = case r.kind
                when 'BEFORE_DEADLINE' then '截止日期 ' || r.due_on || '，请按时完成并报送进展。'
                when 'DUE_TODAY' then '今日为截止日期（' || r.due_on || '），请完成并报送。'
                when 'OVERDUE' then '已于 ' || r.due_on || ' 到期，逾期 ' || r.working_days_overdue || ' 个工作日，请尽快办理。'
                else '任务已逾期 ' || r.working_days_overdue || ' 个工作日（截止 ' || r.due_on || '），请督促责任单位办理。' end
              || case when r.late then '（补发）' else '' end
  from task t
 where t.id = r.task_id;
alter table reminder alter column title set not null,
                     alter column body  set not null;

-- Facts that several statements state: written here once.

-- Work still owed: a task or occurrence NOT_STARTED or IN_PROGRESS (org.duban.plan.TaskStatus.isOpen). Inlined
-- by the planner, so a condition on it still uses the indexes on status.
create function is_open(status text) returns boolean
    language sql immutable parallel safe
    as $$ select status in ('NOT_STARTED', 'IN_PROGRESS') $$;

-- Where a unit's messages go besides the in-app inbox: its webhook, its e-mail address and those of its enabled
-- accounts (org.duban.notify.Outbox).
create view unit_delivery_target (unit_id, channel, target) as
    select unit_id, 'WEBHOOK', webhook_url from unit_channel where webhook_url is not null
    union all
    select unit_id, 'EMAIL', email from unit_channel where email is not null
    union all
    select unit_id, 'EMAIL', email from account where enabled and email is not null and unit_id is not null;
