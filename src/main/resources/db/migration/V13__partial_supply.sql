-- Approved land is often supplied in parts: supplying part of a parcel splits it into the supplied part and the
-- remainder, new parcels that keep the approval and name their origin; the original stays, as history, out of
-- the stock (category SPLIT), so that no area is counted twice.

alter table parcel
    add column split_from_id bigint references parcel (id),
    -- The parcel first approved, through any number of splits: a quota listing it lists its parts.
    add column origin_id     bigint references parcel (id),
    add column split_on      date,
    add constraint parcel_split_unsupplied check (split_on is null or supplied_on is null),
    add constraint parcel_part_has_origin check ((split_from_id is null) = (origin_id is null));
create index parcel_split_from on parcel (split_from_id) where split_from_id is not null;

create or replace view parcel_status as
select p.id as parcel_id,
       case
           when p.split_on is not null then 'SPLIT'
           when p.supplied_on is not null then 'SUPPLIED'
           when exists (select 1 from approval_adjustment a where a.parcel_id = p.id and a.status = 'ADJUSTED')
               then 'APPROVAL_ADJUSTED'
           when exists (select 1 from approval_adjustment a where a.parcel_id = p.id and a.status = 'APPROVAL_WITHDRAWN')
               then 'APPROVAL_WITHDRAWN'
           else 'APPROVED_UNSUPPLIED'
           end as category,
       exists (select 1 from approval_adjustment a where a.parcel_id = p.id and a.status = 'REQUESTED') as awaiting_adjustment
from parcel p;

-- A listed stock lists a parcel and, with it, the parts split from it.
create or replace view quota_year_supply as
select q.id as quota_id, p.id as parcel_id, p.supplied_on, p.area_mu, p.approved_on <= q.stock_approved_until as in_stock
from land_quota q
         join parcel p on p.region_id = q.region_id
    and p.supplied_on >= make_date(q.year, 1, 1) and p.supplied_on < make_date(q.year + 1, 1, 1)
where q.stock_approved_until is not null
union all
select q.id, p.id, p.supplied_on, p.area_mu,
       exists (select 1 from quota_stock_item i
               where i.quota_id = q.id
                 and (i.parcel_id = p.id or i.parcel_id = p.origin_id or i.approval_batch = p.approval_batch))
from land_quota q
         join parcel p on p.region_id = q.region_id
    and p.supplied_on >= make_date(q.year, 1, 1) and p.supplied_on < make_date(q.year + 1, 1, 1)
where q.stock_approved_until is null;

create or replace view quota_counted_parcel as
select s.quota_id, s.parcel_id, 'SUPPLIED' as counted_as, s.supplied_on as counted_on, s.area_mu
from quota_year_supply s
where s.in_stock
union all
select q.id, p.id, a.status, a.completed_on, p.area_mu
from land_quota q
         join parcel p on p.region_id = q.region_id and p.supplied_on is null
         join approval_adjustment a on a.parcel_id = p.id
    and a.status in ('ADJUSTED', 'APPROVAL_WITHDRAWN')
    and a.completed_on >= make_date(q.year, 1, 1) and a.completed_on < make_date(q.year + 1, 1, 1)
where q.counts_approval_changes
  and case
          when q.stock_approved_until is not null then p.approved_on <= q.stock_approved_until
          else exists (select 1 from quota_stock_item i
                       where i.quota_id = q.id
                         and (i.parcel_id = p.id or i.parcel_id = p.origin_id or i.approval_batch = p.approval_batch))
    end;

-- A split takes the original out of the stock of approved-but-unsupplied land, as a supply does.
create or replace function set_units_follow_parcels() returns trigger
    language plpgsql as
$$
declare
    regions bigint[];
begin
    if tg_op = 'INSERT' then
        regions := array(select region_id from new_rows);
    elsif tg_op = 'DELETE' then
        regions := array(select region_id from old_rows);
    else
        regions := array(select n.region_id from new_rows n join old_rows o on o.id = n.id
                         where (n.township_id, n.supplied_on is null, n.split_on is null, n.region_id)
                                   is distinct from (o.township_id, o.supplied_on is null, o.split_on is null, o.region_id)
                         union
                         select o.region_id from new_rows n join old_rows o on o.id = n.id
                         where n.region_id <> o.region_id);
    end if;
    perform refresh_set_units(array(select id from unit_set where kind = 'PARCEL_TOWNSHIPS' and region_id = any (regions)));
    return null;
end
$$;
