-- What a person already has of a task (org.duban.notify.Notifications, one reminder per person, task and day), by the
-- task first: the planner probes it by task, leaving the account to a join filter, and with the account first that
-- probe read the whole index (35 pages a reminder at 1,000,000 tasks, growing with every notification written).
create index notification_by_task_account on notification (task_id, account_id) where reminder_id is not null;
drop index notification_by_account_task;
