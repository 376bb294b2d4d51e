-- The recurring tasks (org.duban.mywork.AssignmentQueries): their current occurrence only their rule can tell, so a
-- unit's are read whole; for a unit responsible for thousands of tasks the planner finds them here instead of
-- reading every one of the unit's assignments.
create index task_recurring on task (id) where recurrence is not null and deleted_at is null;
