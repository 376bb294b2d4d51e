-- 责任单位: a unit responsible for a task beside others, none of them leading (a notice that lists units without
-- naming a lead), as against 配合单位 that only assist.
alter table task_assignment drop constraint task_assignment_role_check;
alter table task_assignment add constraint task_assignment_role_check check (role in ('LEAD', 'RESPONSIBLE', 'ASSIST'));
