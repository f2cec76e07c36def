-- Monthly sums of the read model per region, lead unit, category, channel and anchor (the month of the case's
-- registration, acceptance, handling deadline, closing or visit), kept by reporting's listener in the same
-- transaction (a case's old contribution out, its new one in). Whole months before the current one are counted from
-- here without reading their cases; n1..n3 are the anchor's numerators in the order of Indicator:
-- REGISTERED response, supervision, referral; ACCEPTED completion, redo, extension; DUE on time, overdue;
-- CLOSED resolution; VISIT satisfied. '' stands for no unit or no category.
CREATE TABLE report_month (
    region_code    VARCHAR(50) NOT NULL,
    lead_unit_code VARCHAR(50) NOT NULL,
    category_code  VARCHAR(50) NOT NULL,
    channel        VARCHAR(40) NOT NULL,
    anchor         VARCHAR(12) NOT NULL,
    yyyymm         INTEGER     NOT NULL,
    cases          BIGINT      NOT NULL,
    n1             BIGINT      NOT NULL,
    n2             BIGINT      NOT NULL,
    n3             BIGINT      NOT NULL,
    PRIMARY KEY (region_code, lead_unit_code, category_code, channel, anchor, yyyymm)
);
CREATE INDEX report_month_month ON report_month (yyyymm, region_code);

-- what the read model already holds
INSERT INTO report_month
SELECT region_code, COALESCE(lead_unit_code, ''), COALESCE(category_code, ''), channel, 'REGISTERED', registered_month,
       COUNT(*),
       SUM(CASE WHEN decided_at IS NOT NULL AND decided_at <= acceptance_due_at THEN 1 ELSE 0 END),
       SUM(CASE WHEN supervision_count > 0 THEN 1 ELSE 0 END),
       SUM(CASE WHEN referral_count > 0 THEN 1 ELSE 0 END)
FROM report_case GROUP BY region_code, COALESCE(lead_unit_code, ''), COALESCE(category_code, ''), channel, registered_month;
INSERT INTO report_month
SELECT region_code, COALESCE(lead_unit_code, ''), COALESCE(category_code, ''), channel, 'ACCEPTED', accepted_month,
       COUNT(*),
       SUM(CASE WHEN status = 'CLOSED' THEN 1 ELSE 0 END),
       SUM(CASE WHEN redo_count > 0 THEN 1 ELSE 0 END),
       SUM(CASE WHEN extension_count > 0 THEN 1 ELSE 0 END)
FROM report_case WHERE accepted_at IS NOT NULL
GROUP BY region_code, COALESCE(lead_unit_code, ''), COALESCE(category_code, ''), channel, accepted_month;
INSERT INTO report_month
SELECT region_code, COALESCE(lead_unit_code, ''), COALESCE(category_code, ''), channel, 'DUE', due_month,
       COUNT(*),
       SUM(CASE WHEN result_submitted_at <= due_at THEN 1 ELSE 0 END),
       SUM(CASE WHEN result_submitted_at IS NULL OR result_submitted_at > due_at THEN 1 ELSE 0 END),
       0
FROM report_case WHERE due_at IS NOT NULL AND NOT (status = 'TERMINATED' AND result_submitted_at IS NULL)
GROUP BY region_code, COALESCE(lead_unit_code, ''), COALESCE(category_code, ''), channel, due_month;
INSERT INTO report_month
SELECT region_code, COALESCE(lead_unit_code, ''), COALESCE(category_code, ''), channel, 'CLOSED', closed_month,
       COUNT(*),
       SUM(CASE WHEN satisfaction IN ('VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED') THEN 1 ELSE 0 END),
       0, 0
FROM report_case WHERE closed_at IS NOT NULL
GROUP BY region_code, COALESCE(lead_unit_code, ''), COALESCE(category_code, ''), channel, closed_month;
INSERT INTO report_month
SELECT r.region_code, COALESCE(r.lead_unit_code, ''), COALESCE(r.category_code, ''), r.channel, 'VISIT', v.visit_month,
       COUNT(*), SUM(CASE WHEN v.satisfied = TRUE THEN 1 ELSE 0 END), 0, 0
FROM report_visit v JOIN report_case r ON r.case_id = v.case_id
GROUP BY r.region_code, COALESCE(r.lead_unit_code, ''), COALESCE(r.category_code, ''), r.channel, v.visit_month;
