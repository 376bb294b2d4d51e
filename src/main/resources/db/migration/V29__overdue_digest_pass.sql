-- The weekly overdue digest (org.duban.reminder.OverdueDigest) claimed every unit of the database each Monday, a row
-- per unit in overdue_digest_week, and read every task of every unit to find the overdue ones: 5.8 s of the 09:00 run
-- among 1,000,000 tasks and 100,000 units, most of which had nothing overdue. A run now starts from the overdue items
-- (the index below: open, not recurring, by deadline), claims only the units that have any (overdue_digest_week keeps
-- them once per week whatever the runs and instances), and marks the week's pass done here, so that the day's later
-- runs read one row. A unit with nothing overdue when the pass ran has no digest that week, as before.
create table overdue_digest_pass (
    week_of    date        primary key,
    settled_at timestamptz not null
);

create index task_open_by_deadline on task (deadline)
    where deleted_at is null and recurrence is null and is_open(status);

