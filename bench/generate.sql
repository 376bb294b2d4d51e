-- A province's worth of data beside the demo plan, for bench/run: :plans plans of 100 tasks each in a region of
-- :units units (a tenth of them townships), every task with a LEAD and an ASSIST unit assigned directly and every
-- tenth also with a listed unit set of five; a unit set per 30 units, an account per 10 units (role UNIT, the demo
-- admin's password), a parcel per 10 tasks (a third supplied, a quarter standard land through the stages), a quota
-- for each of 2023 to 2025, a lead unit's progress report on every third task, a notification per 10 tasks.
-- A bureau assists on every tenth task. Deadlines spread over two years, statuses mixed. Run after the service has migrated the database and loaded the demo:
--   psql -v plans=300 -v units=3000 -f bench/generate.sql      (30,000 tasks)
--   psql -v plans=10000 -v units=30000 -f bench/generate.sql   (1,000,000 tasks)
\set ON_ERROR_STOP on
begin;
-- The resolved units (V8) are derived once at the end, not statement by statement over millions of rows.
alter table unit_set disable trigger set_units_on_insert;
alter table unit_set_member disable trigger set_units_on_insert;
alter table task_assignment disable trigger task_units_on_insert;
insert into region (code, name) values ('BENCH', '基准省');
insert into unit (region_id, name, kind, created_at, updated_at)
select r.id, '基准单位' || i, case when i % 10 = 0 then 'TOWNSHIP' else 'DEPARTMENT' end, now(), now()
from region r, generate_series(1, :units) i where r.code = 'BENCH';
create temporary table bench_unit as
select id, row_number() over (order by id) - 1 as n from unit where region_id = (select id from region where code = 'BENCH');
create index on bench_unit (n);
insert into unit_set (region_id, name, kind, created_at, updated_at)
select (select id from region where code = 'BENCH'), '基准单位组' || i, 'LISTED', now(), now()
from generate_series(1, greatest(:units / 30, 1)) i;
create temporary table bench_set as
select id, row_number() over (order by id) - 1 as n from unit_set where region_id = (select id from region where code = 'BENCH');
insert into unit_set_member (set_id, unit_id)
select s.id, u.id from bench_set s join bench_unit u on u.n between s.n * 5 and s.n * 5 + 4;
insert into plan (region_id, document_number, title, issuing_unit_id, issued_on, created_at, updated_at)
select (select id from region where code = 'BENCH'), '基准〔2024〕' || i || '号', '基准整改方案 ' || i,
       (select id from bench_unit where n = i % :units), date '2024-01-01' + (i % 300)::int, now(), now()
from generate_series(1, :plans) i;
insert into task (plan_id, code, sort_path, title, deadline, status, created_at, updated_at)
select p.id, 'T' || i, array[i], '基准任务 ' || p.id || '-' || i, date '2024-06-01' + ((p.id * 7 + i * 13) % 730)::int,
       (array['NOT_STARTED', 'IN_PROGRESS', 'IN_PROGRESS', 'SUBMITTED', 'SIGNED_OFF'])[1 + (p.id + i) % 5], now(), now()
from plan p, generate_series(1, 100) i
where p.document_number like '基准%';
insert into task_assignment (task_id, ordinal, unit_id, role)
select t.id, 1, (select id from bench_unit where n = (t.id * 7) % :units), 'LEAD'
from task t join plan p on p.id = t.plan_id where p.document_number like '基准%';
insert into task_assignment (task_id, ordinal, unit_id, role)
select t.id, 2, (select id from bench_unit where n = (t.id * 7 + 1) % :units), 'ASSIST'
from task t join plan p on p.id = t.plan_id where p.document_number like '基准%';
insert into task_assignment (task_id, ordinal, unit_set_id, role)
select t.id, 3, (select id from bench_set where n = t.id % (select count(*) from bench_set)), 'ASSIST'
from task t join plan p on p.id = t.plan_id where p.document_number like '基准%' and t.id % 10 = 0;
-- A county bureau assisting on every tenth task (3,000 of 30,000, 100,000 of 1,000,000), with the account
-- benchbureau: bench/run's my-assignments-heavy, whose page should cost what a unit of twenty tasks' does.
insert into unit (region_id, name, kind, created_at, updated_at)
select r.id, '基准自然资源局', 'DEPARTMENT', now(), now() from region r where r.code = 'BENCH';
insert into task_assignment (task_id, ordinal, unit_id, role)
select t.id, 4, (select id from unit where name = '基准自然资源局'), 'ASSIST'
from task t join plan p on p.id = t.plan_id where p.document_number like '基准%' and t.id % 10 = 5;
insert into account (username, display_name, password_hash, roles, unit_id, created_at, updated_at)
select 'benchbureau', '基准自然资源局账号', (select password_hash from account where username = 'admin'), '{UNIT}',
       (select id from unit where name = '基准自然资源局'), now(), now();
insert into account (username, display_name, password_hash, roles, unit_id, created_at, updated_at)
select 'bench' || u.n, '基准账号 ' || u.n, (select password_hash from account where username = 'admin'), '{UNIT}', u.id,
       now(), now()
from bench_unit u where u.n % 10 = 0;
insert into parcel (region_id, code, name, township_id, land_use, area_mu, approved_on, supplied_on, supply_method,
                    land_user, standard_land, stage, created_at, updated_at)
select (select id from region where code = 'BENCH'), 'P' || i, '基准地块 ' || i,
       (select id from bench_unit where n = (i * 10) % :units), 'INDUSTRIAL', 10 + (i % 90) + 0.1234, approved,
       case when i % 3 = 0 then approved + 30 + (i % 400) end, case when i % 3 = 0 then 'SALE' end,
       case when i % 3 = 0 then '基准企业 ' || i end, i % 4 = 0,
       case when i % 4 = 0 then (array['SELECT_AREA', 'PREPARATION', 'RESERVE', 'PUBLIC_SALE', 'CONSTRUCTION_STARTED',
                                       'ACCEPTANCE', 'FOLLOW_UP'])[1 + (i / 4) % 7] end,
       now(), now()
from generate_series(1, :plans * 10) i, lateral (select date '2023-01-01' + (i % 500)::int as approved) a;
-- Each digests the stock approved up to the end of the year before, the default setQuota gives.
insert into land_quota (region_id, year, issued_by, target_mu, deadlines, counts_approval_changes, stock_approved_until,
                        created_at, updated_at)
select (select id from region where code = 'BENCH'), y, '基准省自然资源厅', :plans * 100, array[make_date(y, 12, 31)], true,
       make_date(y - 1, 12, 31), now(), now()
from generate_series(2023, 2025) y;
-- Every third task has its lead unit's report, the supervision board's latest reports.
insert into progress_report (task_id, unit_id, percent, summary, reported_at)
select a.task_id, a.unit_id, (a.task_id * 7) % 101, '基准进展 ' || a.task_id, now() - make_interval(hours => (a.task_id % 500)::int)
from task_assignment a join task t on t.id = a.task_id join plan p on p.id = t.plan_id
where p.document_number like '基准%' and a.role = 'LEAD' and a.task_id % 3 = 0;
insert into notification (account_id, task_id, kind, title, body, created_at)
select a.id, t.id, 'BEFORE_DEADLINE', '任务提醒', '基准任务即将到期', now()
from task t join plan p on p.id = t.plan_id and p.document_number like '基准%'
join account a on a.username = 'bench' || (((t.id * 7) % :units) / 10 * 10)
where t.id % 10 = 0;
insert into unit_set_unit (set_id, unit_id) select * from resolve_set_units(array(select id from bench_set));
insert into task_unit (task_id, unit_id, role, via_set_id, ordinal, task_due, task_status, task_recurring, task_live)
select r.*, coalesce(t.deadline, 'infinity'::date), t.status, t.recurrence is not null, t.deleted_at is null
from resolve_task_units(array(select t.id from task t join plan p on p.id = t.plan_id
                                       where p.document_number like '基准%')) r join task t on t.id = r.task_id;
-- The units of a plan in its stride have been told of their tasks and signed for them long ago; one in ten is
-- still to sign, and one in a hundred of those overdue to sign, as an office's dashboard would show them.
update task_signing s set told = true, overdue_told = s.task_id % 100 <> 0,
       signed_at = case when s.task_id % 10 <> 0 then now() end,
       assigned_on = case when s.task_id % 10 <> 0 then s.assigned_on else s.assigned_on - 30 end
  from task t join plan p on p.id = t.plan_id where t.id = s.task_id and p.document_number like '基准%';
-- The demo's office and leader govern the bench region (V18), as the platform's operator would give it to them.
insert into account_region (account_id, region_id)
select a.id, r.id from account a, region r where a.username in ('admin', 'leader') and r.code = 'BENCH' on conflict do nothing;
alter table unit_set enable trigger set_units_on_insert;
alter table unit_set_member enable trigger set_units_on_insert;
alter table task_assignment enable trigger task_units_on_insert;
commit;
-- Vacuumed as autovacuum would have it by the time the data is read: index-only scans read no heap pages.
vacuum analyze;
