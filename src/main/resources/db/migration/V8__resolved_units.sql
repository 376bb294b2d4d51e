-- The units each unit set and each task resolve to, kept as tables instead of views. The views derived them on
-- every read: a window function over every task assignment and every parcel of a region, evaluated whole before
-- any filter (a plan's 50 tasks with their units read all assignments, unit sets and parcels; bench/run). The
-- tables are maintained here, in the transaction of the change they follow from: assignments, set members, group
-- members, sets, parcels and their approval adjustments. Readers keep the names unit_set_unit and task_unit.

drop view task_unit;
drop view unit_set_unit;

create table unit_set_unit (
    set_id  bigint not null references unit_set (id) on delete cascade,
    unit_id bigint not null references unit (id),
    primary key (set_id, unit_id)
);
create index unit_set_unit_by_unit on unit_set_unit (unit_id);

-- One row per unit responsible for a task, directly or through a set. A unit reached both ways is listed once,
-- as assigned directly.
create table task_unit (
    task_id    bigint not null references task (id) on delete cascade,
    unit_id    bigint not null references unit (id),
    role       text   not null,
    via_set_id bigint references unit_set (id),
    ordinal    integer not null,
    primary key (task_id, unit_id)
);
create index task_unit_by_unit on task_unit (unit_id, task_id);
create index task_unit_by_set on task_unit (via_set_id) where via_set_id is not null;
create index task_assignment_by_set on task_assignment (unit_set_id) where unit_set_id is not null;
create index leading_group_member_by_set on leading_group_member (unit_set_id) where unit_set_id is not null;
create index unit_set_by_group on unit_set (leading_group_id) where leading_group_id is not null;
create index parcel_by_region on parcel (region_id);

-- The units these sets stand for today. A group's member units are its members' units and, for a member named by
-- reference, that set's units; "the township governments concerned" are the townships where the region's
-- approved-but-unsupplied parcels lie.
create function resolve_set_units(ids bigint[]) returns table (set_id bigint, unit_id bigint)
    language sql stable as
$$
with wanted as (select id, kind, region_id, leading_group_id from unit_set where id = any (ids)),
     direct_sets as (select s.id, s.kind, s.region_id
                     from unit_set s
                     where s.kind in ('LISTED', 'PARCEL_TOWNSHIPS')
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
                where s.kind = 'PARCEL_TOWNSHIPS')
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

create function resolve_task_units(ids bigint[])
    returns table (task_id bigint, unit_id bigint, role text, via_set_id bigint, ordinal integer)
    language sql stable as
$$
select task_id, unit_id, role, via_set_id, ordinal
from (select a.task_id,
             coalesce(a.unit_id, su.unit_id)                                 as unit_id,
             a.role,
             a.unit_set_id                                                   as via_set_id,
             a.ordinal,
             row_number() over (partition by a.task_id, coalesce(a.unit_id, su.unit_id)
                 order by (a.unit_set_id is not null), a.ordinal)            as rank
      from task_assignment a
               left join unit_set_unit su on su.set_id = a.unit_set_id
      where a.task_id = any (ids)
        and (a.unit_id is not null or su.unit_id is not null)) resolved
where rank = 1
$$;

-- Two transactions refreshing the same task or set would each delete what their snapshot shows and insert what
-- they derived: the task's (the set's) row lock makes the second wait and then see the first's rows.
create function refresh_task_units(ids bigint[]) returns void
    language plpgsql as
$$
begin
    if cardinality(ids) = 0 then
        return;
    end if;
    perform 1 from task where id = any (ids) order by id for update;
    delete from task_unit where task_id = any (ids);
    insert into task_unit (task_id, unit_id, role, via_set_id, ordinal) select * from resolve_task_units(ids);
end
$$;

create function refresh_set_units(ids bigint[]) returns void
    language plpgsql as
$$
begin
    -- A GROUP_MEMBERS set whose group names one of these sets as a member follows it.
    ids := array(select distinct i from unnest(ids || array(select s.id
                                                           from unit_set s
                                                                    join leading_group_member gm on gm.group_id = s.leading_group_id
                                                           where s.kind = 'GROUP_MEMBERS'
                                                             and gm.unit_set_id = any (ids))) i);
    if cardinality(ids) = 0 then
        return;
    end if;
    perform 1 from unit_set where id = any (ids) order by id for update;
    delete from unit_set_unit where set_id = any (ids);
    insert into unit_set_unit (set_id, unit_id) select * from resolve_set_units(ids);
    perform refresh_task_units(array(select distinct task_id from task_assignment where unit_set_id = any (ids)));
end
$$;

-- The triggers: one per table and event (PostgreSQL gives a statement's transition table to a trigger of one event).
create function task_units_follow_assignments() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        perform refresh_task_units(array(select distinct task_id from new_rows));
    elsif tg_op = 'DELETE' then
        perform refresh_task_units(array(select distinct task_id from old_rows));
    else
        perform refresh_task_units(array(select task_id from new_rows union select task_id from old_rows));
    end if;
    return null;
end
$$;
create trigger task_units_on_insert after insert on task_assignment referencing new table as new_rows
    for each statement execute function task_units_follow_assignments();
create trigger task_units_on_update after update on task_assignment referencing old table as old_rows new table as new_rows
    for each statement execute function task_units_follow_assignments();
create trigger task_units_on_delete after delete on task_assignment referencing old table as old_rows
    for each statement execute function task_units_follow_assignments();

create function set_units_follow_members() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        perform refresh_set_units(array(select distinct set_id from new_rows));
    elsif tg_op = 'DELETE' then
        perform refresh_set_units(array(select distinct set_id from old_rows));
    else
        perform refresh_set_units(array(select set_id from new_rows union select set_id from old_rows));
    end if;
    return null;
end
$$;
create trigger set_units_on_insert after insert on unit_set_member referencing new table as new_rows
    for each statement execute function set_units_follow_members();
create trigger set_units_on_update after update on unit_set_member referencing old table as old_rows new table as new_rows
    for each statement execute function set_units_follow_members();
create trigger set_units_on_delete after delete on unit_set_member referencing old table as old_rows
    for each statement execute function set_units_follow_members();

create function set_units_follow_group_members() returns trigger
    language plpgsql as
$$
declare
    groups bigint[];
begin
    if tg_op = 'INSERT' then
        groups := array(select group_id from new_rows);
    elsif tg_op = 'DELETE' then
        groups := array(select group_id from old_rows);
    else
        groups := array(select group_id from new_rows union select group_id from old_rows);
    end if;
    perform refresh_set_units(array(select id from unit_set where kind = 'GROUP_MEMBERS' and leading_group_id = any (groups)));
    return null;
end
$$;
create trigger set_units_on_insert after insert on leading_group_member referencing new table as new_rows
    for each statement execute function set_units_follow_group_members();
create trigger set_units_on_update after update on leading_group_member referencing old table as old_rows new table as new_rows
    for each statement execute function set_units_follow_group_members();
create trigger set_units_on_delete after delete on leading_group_member referencing old table as old_rows
    for each statement execute function set_units_follow_group_members();

-- A set's own row: its kind, group or region decide what it resolves to (a new set resolves at once).
create function set_units_follow_sets() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        perform refresh_set_units(array(select id from new_rows));
    else
        perform refresh_set_units(array(select n.id
                                        from new_rows n
                                                 join old_rows o on o.id = n.id
                                        where (n.kind, n.leading_group_id, n.region_id)
                                                  is distinct from (o.kind, o.leading_group_id, o.region_id)));
    end if;
    return null;
end
$$;
create trigger set_units_on_insert after insert on unit_set referencing new table as new_rows
    for each statement execute function set_units_follow_sets();
create trigger set_units_on_update after update on unit_set referencing old table as old_rows new table as new_rows
    for each statement execute function set_units_follow_sets();

-- Parcels and their adjustments decide the PARCEL_TOWNSHIPS sets of their region; only a change of the facts
-- that do (the township, the supply, the region, an adjustment's status) refreshes them.
create function set_units_follow_parcels() returns trigger
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
                         where (n.township_id, n.supplied_on is null, n.region_id)
                                   is distinct from (o.township_id, o.supplied_on is null, o.region_id)
                         union
                         select o.region_id from new_rows n join old_rows o on o.id = n.id
                         where n.region_id <> o.region_id);
    end if;
    perform refresh_set_units(array(select id from unit_set where kind = 'PARCEL_TOWNSHIPS' and region_id = any (regions)));
    return null;
end
$$;
create trigger set_units_on_insert after insert on parcel referencing new table as new_rows
    for each statement execute function set_units_follow_parcels();
create trigger set_units_on_update after update on parcel referencing old table as old_rows new table as new_rows
    for each statement execute function set_units_follow_parcels();
create trigger set_units_on_delete after delete on parcel referencing old table as old_rows
    for each statement execute function set_units_follow_parcels();

create function set_units_follow_adjustments() returns trigger
    language plpgsql as
$$
declare
    parcels bigint[];
begin
    if tg_op = 'INSERT' then
        parcels := array(select parcel_id from new_rows);
    elsif tg_op = 'DELETE' then
        parcels := array(select parcel_id from old_rows);
    else
        parcels := array(select n.parcel_id from new_rows n join old_rows o on o.id = n.id
                         where n.status is distinct from o.status);
    end if;
    perform refresh_set_units(array(select s.id from unit_set s
                                    where s.kind = 'PARCEL_TOWNSHIPS'
                                      and s.region_id in (select region_id from parcel where id = any (parcels))));
    return null;
end
$$;
create trigger set_units_on_insert after insert on approval_adjustment referencing new table as new_rows
    for each statement execute function set_units_follow_adjustments();
create trigger set_units_on_update after update on approval_adjustment referencing old table as old_rows new table as new_rows
    for each statement execute function set_units_follow_adjustments();
create trigger set_units_on_delete after delete on approval_adjustment referencing old table as old_rows
    for each statement execute function set_units_follow_adjustments();

-- What exists today.
insert into unit_set_unit (set_id, unit_id) select * from resolve_set_units(array(select id from unit_set));
insert into task_unit (task_id, unit_id, role, via_set_id, ordinal)
select * from resolve_task_units(array(select distinct task_id from task_assignment));
