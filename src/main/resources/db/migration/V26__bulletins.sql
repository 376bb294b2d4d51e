-- The bulletin (通报): for a period and a set of a region's plans, the units ranked by the scoreboard's rule, the items
-- overdue, the supervision notices issued and the quotas' figures. Once published it is frozen: the figures as
-- published, the PDF and XLSX as sent out and each file's SHA-256, so that it reads the same a year later; a
-- correction is a new bulletin that names the one it corrects.

create table bulletin_serial (
    region_id   bigint not null references region (id),
    year        int    not null,
    last_serial int    not null,
    primary key (region_id, year)
);

create table bulletin (
    id              bigserial   primary key,
    region_id       bigint      not null references region (id),
    year            int         not null,
    serial          int         not null check (serial > 0),
    number          text        not null,
    title           text        not null check (length(title) between 1 and 200),
    issuing_office  text        not null,
    period_from     date        not null,
    period_to       date        not null,
    plan_ids        bigint[]    not null check (cardinality(plan_ids) > 0),
    figures         jsonb       not null,
    pdf             bytea       not null,
    pdf_sha256      text        not null check (pdf_sha256 ~ '^[0-9a-f]{64}$'),
    xlsx            bytea       not null,
    xlsx_sha256     text        not null check (xlsx_sha256 ~ '^[0-9a-f]{64}$'),
    published_on    date        not null,
    published_at    timestamptz not null,
    published_by    bigint      references account (id),
    corrects_id     bigint      unique references bulletin (id),
    correction_note text        check (length(correction_note) between 1 and 2000),
    unique (region_id, year, serial),
    check (period_from <= period_to),
    check ((corrects_id is null) = (correction_note is null))
);
create index bulletin_region on bulletin (region_id, id desc);

-- Published means frozen: nothing changes or removes a bulletin, whatever code path would try.
create function bulletin_frozen() returns trigger language plpgsql as $$
begin
    raise exception 'bulletin % is published and frozen; publish a correction instead', old.id;
end
$$;
create trigger bulletin_frozen before update or delete on bulletin for each row execute function bulletin_frozen();

create trigger audit after insert or update or delete on bulletin
    for each row execute function audit_row_change('Bulletin', 'id', 'pdf,xlsx,figures', '', 'region_id', 'region', 'guarded');
