-- Many 方案 are attachments to a notice and carry no 文号 of their own: such a plan is known by its region, title,
-- issuing unit and date, and no two plans share all four.
alter table plan alter column document_number drop not null;
create unique index plan_identity_without_number on plan (region_id, title, issuing_unit_id, issued_on)
    where document_number is null;
