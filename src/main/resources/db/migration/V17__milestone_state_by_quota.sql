-- A milestone measured by a quota sums that one quota's counted parcels: the quota is found first, so that the sum
-- reads its region and year through the covering index (V11) instead of every quota's counted parcels.
create or replace view task_milestone_state as
select ms.id as milestone_id, ms.task_id, ms.ordinal, ms.due_on, ms.title, ms.measure, ms.target, ms.done_at, ms.done_by,
       ms.evidence_ids, ms.version, v.value,
       case when ms.measure is null then ms.done_at is not null else coalesce(v.value >= ms.target, false) end as met
from task_milestone ms
         left join lateral (select case ms.measure
                                       when 'QUOTA' then
                                           (select coalesce(sum(c.area_mu), 0)
                                            from quota_counted_parcel c
                                            where c.quota_id = (select q.id
                                                                from task_measure m
                                                                         join land_quota q
                                                                              on q.region_id = m.region_id and q.year = m.year
                                                                where m.task_id = ms.task_id and m.kind = 'QUOTA'
                                                                order by m.ordinal
                                                                limit 1))
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
