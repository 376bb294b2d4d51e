-- A spreadsheet an office uploads to import a task list from (importPlanSheet): kept for its account until it is
-- imported, a day at most, so that any instance can read it when the mutation comes.
create table sheet_upload (
    id          bigserial   primary key,
    account_id  bigint      not null references account (id),
    file_name   text        not null,
    content     bytea       not null,
    sha256      text        not null,
    uploaded_at timestamptz not null
);
create index sheet_upload_age on sheet_upload (uploaded_at);
