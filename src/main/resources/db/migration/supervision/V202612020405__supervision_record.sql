-- The units' supervision record (issue 4): every reminder, notice (督办单) and report to leaders issued on a case, by
-- hand or automatically, with its reply; kept by a listener in the transaction of the case's action.
CREATE TABLE supervision_record (
    case_id            BIGINT        NOT NULL REFERENCES case_file (id),
    supervision_id     BIGINT        NOT NULL,
    case_number        VARCHAR(40)   NOT NULL,
    unit_code          VARCHAR(50),
    office_region_code VARCHAR(50)   NOT NULL,
    level              VARCHAR(20)   NOT NULL,
    notice_number      VARCHAR(40),
    automatic          BOOLEAN       NOT NULL,
    issued_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    reply_due_at       TIMESTAMP WITH TIME ZONE,
    replied_at         TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (case_id, supervision_id)
);
CREATE INDEX supervision_record_unit ON supervision_record (unit_code, issued_at);
CREATE INDEX supervision_record_office ON supervision_record (office_region_code, issued_at);
