-- Who sees a running clock on the supervision page: the office of the case's region and above, its lead unit.
ALTER TABLE deadline_clock ADD COLUMN office_region_code VARCHAR(50);
ALTER TABLE deadline_clock ADD COLUMN lead_unit_code VARCHAR(50);
CREATE INDEX deadline_clock_colour ON deadline_clock (colour, due_at);
