-- The scheduler bench's day, over a database filled by bench/generate.sql: every generated task open, :due of them
-- with a reminder on Monday 17 October 2022 at 09:00 (a quarter each due that day and 1, 3 and 7 working days later:
-- the default policy's days), all others due from 7 November 2022 over 200 days, out of reach of that day's
-- reminders and of the days before. Nothing planned yet. Dates are those of the demo's 2022 calendar.
--   psql -v due=20000 -f bench/scheduler-day.sql
\set ON_ERROR_STOP on
begin;
-- Every row is marked for planning, and its units' copies of it updated, below at once, not one trigger call per task.
alter table task disable trigger reminder_due;
alter table task disable trigger task_units_follow_task;
with bench as (select t.id, row_number() over (order by t.id) - 1 as n
               from task t join plan p on p.id = t.plan_id where p.document_number like '基准%')
update task t
   set status = (array['NOT_STARTED', 'IN_PROGRESS'])[1 + b.n % 2],
       deadline = case when b.n < :due
                       then (array[date '2022-10-17', date '2022-10-18', date '2022-10-20', date '2022-10-26'])[1 + b.n % 4]
                       else date '2022-11-07' + (b.n % 200)::int end
  from bench b
 where b.id = t.id;
alter table task enable trigger reminder_due;
alter table task enable trigger task_units_follow_task;
update task_unit tu set task_due = coalesce(t.deadline, 'infinity'::date), task_status = t.status from task t where t.id = tu.task_id;
update reminder_due set next_on = date '1900-01-01', planned_on = date '1900-01-01';
commit;
vacuum analyze;
