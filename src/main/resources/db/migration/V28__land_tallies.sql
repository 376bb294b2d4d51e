-- A quota's sums and a region's standard land by stage, kept as rows instead of computed on every read. Computed,
-- they read every supply of the quota's region and year, and every standard-land parcel of the region: at a
-- province's size (100,000 parcels in a region, bench/run at 1,000,000 tasks) the quotas answered at a tenth of
-- their rate at 30,000 tasks, and the plan dashboard at a third. The rows change in the transaction of the change
-- they follow from, as V8's resolved units do.

-- A quota's sums as they are now, from the parcels, its stock and the approval adjustments: what the tally keeps,
-- and what a reader uses instead while its own transaction has changed them and not yet committed.
create function quota_sums(quota bigint)
    returns table (in_stock_mu numeric, new_supply_mu numeric, approval_changes_mu numeric)
    language sql stable as
$$
select coalesce(sum(s.area_mu) filter (where s.in_stock), 0),
       coalesce(sum(s.area_mu) filter (where not s.in_stock), 0),
       (select coalesce(sum(c.area_mu), 0)
        from quota_counted_parcel c
        where c.quota_id = quota and c.counted_as <> 'SUPPLIED')
from quota_year_supply s
where s.quota_id = quota
$$;

-- Stale marks a tally its own transaction has changed the inputs of; it is computed again at that transaction's
-- commit, so no committed row is stale.
create table quota_tally (
    quota_id            bigint primary key references land_quota (id) on delete cascade,
    in_stock_mu         numeric not null,
    new_supply_mu       numeric not null,
    approval_changes_mu numeric not null,
    stale               boolean not null default false
);
insert into quota_tally (quota_id, in_stock_mu, new_supply_mu, approval_changes_mu)
select q.id, s.in_stock_mu, s.new_supply_mu, s.approval_changes_mu
from land_quota q, quota_sums(q.id) s;

-- Marking takes the tally's row lock until commit: a second transaction changing the same quota's inputs waits
-- for it, and computes after it with its change seen. Locked in key order, so two such transactions never wait for
-- each other both ways.
create function quota_tally_mark(regions bigint[], quotas bigint[]) returns void
    language plpgsql as
$$
begin
    perform 1
    from quota_tally t
    where not t.stale
      and t.quota_id in (select q.id from land_quota q where q.region_id = any (regions)
                         union
                         select unnest(quotas))
    order by t.quota_id
    for update;
    update quota_tally t
    set stale = true
    where not t.stale
      and t.quota_id in (select q.id from land_quota q where q.region_id = any (regions)
                         union
                         select unnest(quotas));
end
$$;

-- At commit, in a snapshot that sees every transaction that held the lock before: the sums read once per quota
-- and transaction, however many statements changed them.
create function quota_tally_compute() returns trigger
    language plpgsql as
$$
begin
    update quota_tally t
    set (in_stock_mu, new_supply_mu, approval_changes_mu, stale) =
            (select s.in_stock_mu, s.new_supply_mu, s.approval_changes_mu, false from quota_sums(t.quota_id) s)
    where t.quota_id = new.quota_id
      and t.stale;
    return null;
end
$$;
create constraint trigger quota_tally_at_commit after insert or update on quota_tally
    deferrable initially deferred
    for each row when (new.stale) execute function quota_tally_compute();

-- What a quota's sums read: supplied parcels of its region (with their area, approval date, batch and origin for
-- the stock), the approval adjustments of its region's unsupplied parcels, its stock list and its own terms.
create function quota_tally_follows_parcels() returns trigger
    language plpgsql as
$$
declare
    regions bigint[];
begin
    if tg_op = 'INSERT' then
        regions := array(select distinct region_id from new_rows where supplied_on is not null);
    elsif tg_op = 'DELETE' then
        regions := array(select distinct region_id from old_rows where supplied_on is not null
                         union
                         select o.region_id from old_rows o join approval_adjustment a on a.parcel_id = o.id);
    else
        regions := array(select n.region_id from new_rows n join old_rows o on o.id = n.id
                         where (n.region_id, n.supplied_on, n.area_mu, n.approved_on, n.approval_batch, n.origin_id)
                                   is distinct from
                               (o.region_id, o.supplied_on, o.area_mu, o.approved_on, o.approval_batch, o.origin_id)
                         union
                         select o.region_id from new_rows n join old_rows o on o.id = n.id
                         where n.region_id <> o.region_id);
    end if;
    if cardinality(regions) > 0 then
        perform quota_tally_mark(regions, '{}');
    end if;
    return null;
end
$$;
create trigger quota_tally_on_insert after insert on parcel referencing new table as new_rows
    for each statement execute function quota_tally_follows_parcels();
create trigger quota_tally_on_update after update on parcel referencing old table as old_rows new table as new_rows
    for each statement execute function quota_tally_follows_parcels();
create trigger quota_tally_on_delete after delete on parcel referencing old table as old_rows
    for each statement execute function quota_tally_follows_parcels();

create function quota_tally_follows_adjustments() returns trigger
    language plpgsql as
$$
declare
    parcels bigint[];
begin
    if tg_op = 'INSERT' then
        parcels := array(select parcel_id from new_rows where status in ('ADJUSTED', 'APPROVAL_WITHDRAWN'));
    elsif tg_op = 'DELETE' then
        parcels := array(select parcel_id from old_rows where status in ('ADJUSTED', 'APPROVAL_WITHDRAWN'));
    else
        parcels := array(select n.parcel_id from new_rows n join old_rows o on o.id = n.id
                         where (n.parcel_id, n.status, n.completed_on) is distinct from (o.parcel_id, o.status, o.completed_on)
                         union
                         select o.parcel_id from new_rows n join old_rows o on o.id = n.id
                         where n.parcel_id <> o.parcel_id);
    end if;
    if cardinality(parcels) > 0 then
        perform quota_tally_mark(array(select distinct region_id from parcel where id = any (parcels)), '{}');
    end if;
    return null;
end
$$;
create trigger quota_tally_on_insert after insert on approval_adjustment referencing new table as new_rows
    for each statement execute function quota_tally_follows_adjustments();
create trigger quota_tally_on_update after update on approval_adjustment referencing old table as old_rows new table as new_rows
    for each statement execute function quota_tally_follows_adjustments();
create trigger quota_tally_on_delete after delete on approval_adjustment referencing old table as old_rows
    for each statement execute function quota_tally_follows_adjustments();

create function quota_tally_follows_stock() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        perform quota_tally_mark('{}', array(select distinct quota_id from new_rows));
    elsif tg_op = 'DELETE' then
        perform quota_tally_mark('{}', array(select distinct quota_id from old_rows));
    else
        perform quota_tally_mark('{}', array(select quota_id from new_rows union select quota_id from old_rows));
    end if;
    return null;
end
$$;
create trigger quota_tally_on_insert after insert on quota_stock_item referencing new table as new_rows
    for each statement execute function quota_tally_follows_stock();
create trigger quota_tally_on_update after update on quota_stock_item referencing old table as old_rows new table as new_rows
    for each statement execute function quota_tally_follows_stock();
create trigger quota_tally_on_delete after delete on quota_stock_item referencing old table as old_rows
    for each statement execute function quota_tally_follows_stock();

create function quota_tally_follows_quotas() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        insert into quota_tally (quota_id, in_stock_mu, new_supply_mu, approval_changes_mu, stale)
        select id, 0, 0, 0, true from new_rows;
    else
        perform quota_tally_mark('{}', array(select n.id from new_rows n join old_rows o on o.id = n.id
                                             where (n.region_id, n.year, n.stock_approved_until, n.counts_approval_changes)
                                                       is distinct from
                                                   (o.region_id, o.year, o.stock_approved_until, o.counts_approval_changes)));
    end if;
    return null;
end
$$;
create trigger quota_tally_on_insert after insert on land_quota referencing new table as new_rows
    for each statement execute function quota_tally_follows_quotas();
create trigger quota_tally_on_update after update on land_quota referencing old table as old_rows new table as new_rows
    for each statement execute function quota_tally_follows_quotas();

-- A region's standard land by stage: a count, so each change adds or takes one, in key order.
create table standard_land_tally (
    region_id bigint  not null references region (id),
    stage     text    not null,
    parcels   integer not null,
    primary key (region_id, stage)
);
insert into standard_land_tally (region_id, stage, parcels)
select region_id, stage, count(*)
from parcel
where standard_land
group by region_id, stage;

create function standard_land_tally_add(changes jsonb) returns void
    language sql as
$$
insert into standard_land_tally as t (region_id, stage, parcels)
select c.region_id, c.stage, sum(c.n)
from jsonb_to_recordset(changes) as c(region_id bigint, stage text, n integer)
group by c.region_id, c.stage
having sum(c.n) <> 0
order by c.region_id, c.stage
on conflict (region_id, stage) do update set parcels = t.parcels + excluded.parcels
$$;

create function standard_land_tally_follows_parcels() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        perform standard_land_tally_add((select coalesce(jsonb_agg(jsonb_build_object('region_id', region_id, 'stage', stage, 'n', 1)), '[]')
                                         from new_rows where standard_land));
    elsif tg_op = 'DELETE' then
        perform standard_land_tally_add((select coalesce(jsonb_agg(jsonb_build_object('region_id', region_id, 'stage', stage, 'n', -1)), '[]')
                                         from old_rows where standard_land));
    else
        perform standard_land_tally_add((select coalesce(jsonb_agg(c), '[]')
                                         from (select n.region_id, n.stage, 1 as n from new_rows n join old_rows o on o.id = n.id
                                               where n.standard_land and (n.region_id, n.stage) is distinct from (o.region_id, o.stage)
                                                  or n.standard_land and not o.standard_land
                                               union all
                                               select o.region_id, o.stage, -1 from new_rows n join old_rows o on o.id = n.id
                                               where o.standard_land and (n.region_id, n.stage) is distinct from (o.region_id, o.stage)
                                                  or o.standard_land and not n.standard_land) c));
    end if;
    return null;
end
$$;
create trigger standard_land_tally_on_insert after insert on parcel referencing new table as new_rows
    for each statement execute function standard_land_tally_follows_parcels();
create trigger standard_land_tally_on_update after update on parcel referencing old table as old_rows new table as new_rows
    for each statement execute function standard_land_tally_follows_parcels();
create trigger standard_land_tally_on_delete after delete on parcel referencing old table as old_rows
    for each statement execute function standard_land_tally_follows_parcels();

-- A quota milestone's value is its quota's digested area (from the stock, and approval changes where they count):
-- the tally's, as the quotas read it.
create or replace view task_milestone_state as
select ms.id as milestone_id, ms.task_id, ms.ordinal, ms.due_on, ms.title, ms.measure, ms.target, ms.done_at, ms.done_by,
       ms.evidence_ids, ms.version, v.value,
       case when ms.measure is null then ms.done_at is not null else coalesce(v.value >= ms.target, false) end as met
from task_milestone ms
         left join lateral (select case ms.measure
                                       when 'QUOTA' then
                                           coalesce((select case
                                                                 when t.stale then (select s.in_stock_mu + s.approval_changes_mu
                                                                                    from quota_sums(t.quota_id) s)
                                                                 else t.in_stock_mu + t.approval_changes_mu end
                                                     from quota_tally t
                                                     where t.quota_id = (select q.id
                                                                         from task_measure m
                                                                                  join land_quota q
                                                                                       on q.region_id = m.region_id and q.year = m.year
                                                                         where m.task_id = ms.task_id and m.kind = 'QUOTA'
                                                                         order by m.ordinal
                                                                         limit 1)), 0)
                                       when 'REGIONAL_EVALUATIONS' then
                                           (select count(*)
                                            from task_measure m
                                                     join regional_evaluation e on e.zone_id = m.zone_id and e.round = m.round
                                                and e.status = 'DONE'
                                            where m.task_id = ms.task_id and m.kind = 'REGIONAL_EVALUATIONS')
                                       when 'STANDARD_LAND_SALES' then
                                           (select count(*)
                                            from task_measure m
                                                     join parcel p on p.zone_id = m.zone_id and p.standard_land
                                                and p.land_use = 'INDUSTRIAL' and p.supply_method = 'SALE'
                                                and p.supplied_on >= make_date(m.year, 1, 1)
                                                and p.supplied_on < make_date(m.year + 1, 1, 1)
                                            where m.task_id = ms.task_id and m.kind = 'STANDARD_LAND_SALES')
                                       end as value) v on true;
