-- The deadline watch (issue 4). One row per running clock of an open case, kept in step with the case by a
-- listener in the case's own transaction. next_check_at is when the colour changes next (yellow_at while NORMAL,
-- just after due_at while YELLOW, NULL once RED): a pass reads only the rows whose time has come, through the
-- index, and claims each with a conditional UPDATE on (colour, due_at), so that of several nodes exactly one
-- records the change.
CREATE TABLE deadline_clock (
    case_id       BIGINT        NOT NULL REFERENCES case_file (id),
    clock         VARCHAR(30)   NOT NULL,
    case_number   VARCHAR(40)   NOT NULL,
    due_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    yellow_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    colour        VARCHAR(10)   NOT NULL,
    next_check_at TIMESTAMP WITH TIME ZONE,
    changed_at    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (case_id, clock)
);
CREATE INDEX deadline_clock_next ON deadline_clock (next_check_at);
