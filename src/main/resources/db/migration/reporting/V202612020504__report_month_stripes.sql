-- Monthly sums in stripes: each group and month is spread over a few rows (stripe 0..15, one picked at random by each
-- change), because one row per group and month was a hot row that every registration of a region locked until its
-- commit reached the disk. The indicators sum all rows of a month, so the stripes add up to the same figures.
CREATE TABLE report_month_striped (
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
    stripe         SMALLINT    DEFAULT 0 NOT NULL,
    PRIMARY KEY (region_code, lead_unit_code, category_code, channel, anchor, yyyymm, stripe)
);
INSERT INTO report_month_striped
SELECT region_code, lead_unit_code, category_code, channel, anchor, yyyymm, cases, n1, n2, n3, 0 FROM report_month;
DROP TABLE report_month;
ALTER TABLE report_month_striped RENAME TO report_month;
CREATE INDEX report_month_month ON report_month (yyyymm, region_code);
