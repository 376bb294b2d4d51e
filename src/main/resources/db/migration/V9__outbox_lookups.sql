-- A unit's accounts, looked up for every reminder and notice written (org.duban.notify.Outbox): without this index
-- each lookup read the whole account table, and the 09:00 run's outbox cost grew with the number of accounts.
create index account_by_unit on account (unit_id) where unit_id is not null;

-- Whether a reminder reached anyone (org.duban.reminder.ReminderWriter marks those that did not), and the cascade
-- when reminders go: both looked for a reminder's notifications by reading them all.
create index notification_by_reminder on notification (reminder_id) where reminder_id is not null;
