-- Other names a document writes for a unit set ("各区直部门" for "区直各部门"); the plan importer matches them.
alter table unit_set add column aliases text[] not null default '{}';
