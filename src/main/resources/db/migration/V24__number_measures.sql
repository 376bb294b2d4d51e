-- Targets that are numbers (增长6.2%, 不少于3.25亩): a NUMBER measure says what is counted, the target, its unit and
-- whether it is a floor (不少于, the default) or a ceiling (不超过); the responsible unit reports the actual figure with
-- its progress, and the latest one is kept here with its day.
alter table task_measure drop constraint task_measure_kind_check;
alter table task_measure add constraint task_measure_kind_check
    check (kind in ('QUOTA', 'REGIONAL_EVALUATIONS', 'STANDARD_LAND_SALES', 'NUMBER'));
alter table task_measure
    add column label     text,
    add column target    numeric,
    add column unit      text,
    add column at_most   boolean not null default false,
    add column actual    numeric,
    add column actual_on date,
    add constraint task_measure_number_check check (kind <> 'NUMBER' or (target is not null and unit is not null));
