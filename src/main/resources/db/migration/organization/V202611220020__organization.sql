-- Regions (a tree, with a materialised path for "this region and below") and organisations (DESIGN §2).
CREATE TABLE region (
    code          VARCHAR(50)  NOT NULL PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    parent_code   VARCHAR(50)  REFERENCES region (code),
    path          VARCHAR(500) NOT NULL UNIQUE,
    level         VARCHAR(20)  NOT NULL,
    number_prefix VARCHAR(20)  NOT NULL,
    time_zone     VARCHAR(50)  NOT NULL
);

CREATE TABLE organization (
    code            VARCHAR(50)  NOT NULL PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    kind            VARCHAR(20)  NOT NULL,
    region_code     VARCHAR(50)  REFERENCES region (code),
    complaint_phone VARCHAR(30),
    contact_person  VARCHAR(100),
    contact_phone   VARCHAR(30),
    address         VARCHAR(300),
    duties          VARCHAR(1000),
    active          BOOLEAN      NOT NULL,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX organization_region ON organization (region_code);

-- The administrators' own organisation; it belongs to no region.
INSERT INTO organization (code, name, kind, region_code, active, changed_at)
VALUES ('SYSTEM', '系统管理', 'SYSTEM', NULL, TRUE, CURRENT_TIMESTAMP);
