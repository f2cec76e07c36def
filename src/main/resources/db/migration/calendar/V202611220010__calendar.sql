-- Official working-day calendar (DESIGN §7): one row per year with data, one row per special day. A notice can
-- name days of the neighbouring year (the 2019 notice moves 2018-12-29..31 for New Year's Day), so a day belongs
-- to the notice year that names it.
CREATE TABLE calendar_year (
    cal_year    INTEGER      NOT NULL PRIMARY KEY,
    papers      VARCHAR(4000),
    source      VARCHAR(200) NOT NULL,
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE calendar_day (
    cal_year INTEGER      NOT NULL REFERENCES calendar_year (cal_year),
    cal_date DATE         NOT NULL,
    name     VARCHAR(100) NOT NULL,
    off_day  BOOLEAN      NOT NULL,
    PRIMARY KEY (cal_year, cal_date)
);

