-- 批而未用 = 批而未供 + 供而未用: what a county land ledger holds of supplied land, to tell land supplied but not
-- used (not handed over, started late, idle) from land in use.

alter table parcel
    add column handover_agreed_on   date,
    add column handed_over_on       date,
    add column agreed_completion_on date,
    add column completed_on         date,
    -- 闲置认定: the determination that supplied land is idle, its cause and the disposal decided.
    add column idle_determined_on   date,
    add column idle_cause           text,
    add column idle_disposal        text check (idle_disposal in ('EXTEND_START_DEADLINE', 'CHANGE_USE', 'IDLE_FEE',
                                                                  'TAKE_BACK', 'OTHER')),
    add column idle_disposal_note   text,
    add constraint parcel_use_after_supply check (supplied_on is not null or (handover_agreed_on is null
        and handed_over_on is null and agreed_start_on is null and construction_started_on is null
        and agreed_completion_on is null and completed_on is null and idle_determined_on is null)),
    add constraint parcel_completed_after_start check (completed_on is null
        or (construction_started_on is not null and completed_on >= construction_started_on)),
    add constraint parcel_idle_determined check ((idle_determined_on is null) = (idle_disposal is null)
        and (idle_determined_on is null) = (idle_cause is null));

-- Where supplied land stands on a day; null for land not supplied. The order is the ledger's: finished land is
-- used; land under construction is used unless its agreed completion has passed; land not started is idle once
-- determined so, not handed over while the government owes it, suspected idle a year after its agreed start,
-- late after the agreed start, and awaiting its start before. A fact dated after the day has not happened on it,
-- so a ledger imported ahead of a clock set back (the demo's) reads as it stood then.
create function parcel_use_state(today date, supplied_on date, handed_over_on date, agreed_start_on date,
                                 construction_started_on date, agreed_completion_on date, completed_on date,
                                 idle_determined_on date) returns text
    language sql immutable parallel safe as
$$
select case
           when supplied_on is null then null
           when completed_on <= today then 'COMPLETED'
           when construction_started_on <= today then
               case when agreed_completion_on < today then 'COMPLETION_OVERDUE' else 'UNDER_CONSTRUCTION' end
           when idle_determined_on <= today then 'IDLE'
           when handed_over_on is null or handed_over_on > today then 'NOT_HANDED_OVER'
           when (agreed_start_on + interval '1 year')::date < today then 'SUSPECTED_IDLE'
           when agreed_start_on < today then 'START_OVERDUE'
           else 'AWAITING_START'
           end
$$;
