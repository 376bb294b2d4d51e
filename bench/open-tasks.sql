-- :tasks open tasks in every plan, due from 1 September 2022 over :spread days, each for two of the demo units.
-- Used by bench/reminders.sh and bench/scheduler.sh: psql -v tasks=N -v spread=D -f bench/open-tasks.sql
insert into task (plan_id, code, sort_path, title, deadline, created_at, updated_at)
select p.id, 'BENCH-' || i, array[99, i], '基准任务 ' || i, date '2022-09-01' + (i % :spread), now(), now()
from plan p, generate_series(1, :tasks) i;
insert into task_assignment (task_id, ordinal, unit_id, role)
select t.id, u.n, u.id, case u.n when 1 then 'LEAD' else 'ASSIST' end
from task t
cross join lateral (select id, row_number() over (order by id) as n from unit
                    where id % 7 in (t.id % 7, (t.id + 3) % 7) limit 2) u
where t.code like 'BENCH-%';
analyze;
