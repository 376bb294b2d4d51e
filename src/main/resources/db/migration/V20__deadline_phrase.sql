-- The deadline as the plan document wrote it ("9月底前", "长期坚持"), beside the date (or recurrence) read from it.
-- Kept when the deadline later moves: it is what the document said.
alter table task add column deadline_phrase text check (char_length(deadline_phrase) <= 100);
