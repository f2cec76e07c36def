-- The official forms issued for a case (交办单, 承办单, 督办单): the number drawn when a form is first issued, kept
-- so that the same form always carries the same number, with who issued it and when (the audit row).
CREATE TABLE report_form (
    case_id     BIGINT       NOT NULL,
    kind        VARCHAR(40)  NOT NULL,
    form_number VARCHAR(40)  NOT NULL,
    issued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_by   VARCHAR(64)  NOT NULL,
    issuer_name VARCHAR(100),
    PRIMARY KEY (case_id, kind)
);
