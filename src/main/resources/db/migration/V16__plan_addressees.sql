-- 主送: the units a plan is addressed to, as the notice names them: units (乡宁生态文化旅游示范区管委会) and unit sets
-- (县直有关部门, 各乡镇政府). "Every township government" is a set of its own kind, UNITS_OF_KIND: all units of one
-- kind in the region, or under one parent unit (各街道 of a district), so that a township added later is among them.

alter table unit_set drop constraint unit_set_kind_check;
alter table unit_set add constraint unit_set_kind_check
    check (kind in ('LISTED', 'GROUP_MEMBERS', 'PARCEL_TOWNSHIPS', 'UNITS_OF_KIND'));
alter table unit_set add column unit_kind text
    check (unit_kind in ('COUNTY_GOVERNMENT', 'DEPARTMENT', 'TOWNSHIP', 'MANAGEMENT_COMMITTEE', 'OTHER'));
alter table unit_set add column parent_unit_id bigint references unit (id);
alter table unit_set add constraint unit_set_unit_kind check ((kind = 'UNITS_OF_KIND') = (unit_kind is not null)
    and (parent_unit_id is null or kind = 'UNITS_OF_KIND'));

create or replace function resolve_set_units(ids bigint[]) returns table (set_id bigint, unit_id bigint)
    language sql stable as
$$
with wanted as (select id, kind, region_id, leading_group_id from unit_set where id = any (ids)),
     direct_sets as (select s.id, s.kind, s.region_id, s.unit_kind, s.parent_unit_id
                     from unit_set s
                     where s.kind in ('LISTED', 'PARCEL_TOWNSHIPS', 'UNITS_OF_KIND')
                       and (s.id = any (ids)
                         or s.id in (select gm.unit_set_id
                                     from wanted w
                                              join leading_group_member gm on gm.group_id = w.leading_group_id
                                     where w.kind = 'GROUP_MEMBERS'))),
     direct as (select s.id as set_id, m.unit_id
                from direct_sets s
                         join unit_set_member m on m.set_id = s.id
                where s.kind = 'LISTED'
                union
                select s.id, p.township_id
                from direct_sets s
                         join parcel p on p.region_id = s.region_id
                         join parcel_status ps on ps.parcel_id = p.id and ps.category = 'APPROVED_UNSUPPLIED'
                where s.kind = 'PARCEL_TOWNSHIPS'
                union
                select s.id, u.id
                from direct_sets s
                         join unit u on u.region_id = s.region_id and u.kind = s.unit_kind
                    and (s.parent_unit_id is null or u.parent_id = s.parent_unit_id)
                where s.kind = 'UNITS_OF_KIND')
select d.set_id, d.unit_id
from direct d
where d.set_id = any (ids)
union
select w.id, gm.unit_id
from wanted w
         join leading_group_member gm on gm.group_id = w.leading_group_id
where w.kind = 'GROUP_MEMBERS'
  and gm.unit_id is not null
union
select w.id, d.unit_id
from wanted w
         join leading_group_member gm on gm.group_id = w.leading_group_id
         join direct d on d.set_id = gm.unit_set_id
where w.kind = 'GROUP_MEMBERS'
$$;

-- A unit added, or changing kind, parent or region, joins or leaves the UNITS_OF_KIND sets of its region.
create function set_units_follow_units() returns trigger
    language plpgsql as
$$
declare
    regions bigint[];
begin
    if tg_op = 'INSERT' then
        regions := array(select distinct region_id from new_rows);
    else
        regions := array(select n.region_id from new_rows n join old_rows o on o.id = n.id
                         where (n.kind, n.region_id, n.parent_id) is distinct from (o.kind, o.region_id, o.parent_id)
                         union
                         select o.region_id from new_rows n join old_rows o on o.id = n.id where n.region_id <> o.region_id);
    end if;
    perform refresh_set_units(array(select id from unit_set where kind = 'UNITS_OF_KIND' and region_id = any (regions)));
    return null;
end
$$;
create trigger set_units_on_insert after insert on unit referencing new table as new_rows
    for each statement execute function set_units_follow_units();
create trigger set_units_on_update after update on unit referencing old table as old_rows new table as new_rows
    for each statement execute function set_units_follow_units();

-- A set that becomes of another unit kind resolves again.
create or replace function set_units_follow_sets() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        perform refresh_set_units(array(select id from new_rows));
    else
        perform refresh_set_units(array(select n.id
                                        from new_rows n
                                                 join old_rows o on o.id = n.id
                                        where (n.kind, n.leading_group_id, n.region_id, n.unit_kind, n.parent_unit_id)
                                                  is distinct from (o.kind, o.leading_group_id, o.region_id, o.unit_kind,
                                                                    o.parent_unit_id)));
    end if;
    return null;
end
$$;

create table plan_addressee (
    plan_id     bigint  not null references plan (id) on delete cascade,
    ordinal     integer not null,
    unit_id     bigint references unit (id),
    unit_set_id bigint references unit_set (id),
    primary key (plan_id, ordinal),
    check ((unit_id is null) <> (unit_set_id is null))
);
create trigger audit after insert or update or delete on plan_addressee
    for each row execute function audit_row_change('PlanAddressee', 'plan_id,ordinal', '', '');
