-- Staff accounts and API tokens (only the SHA-256 of a token is stored).
CREATE TABLE app_user (
    username            VARCHAR(64)  NOT NULL PRIMARY KEY,
    display_name        VARCHAR(100) NOT NULL,
    password_hash       VARCHAR(200) NOT NULL,
    org_code            VARCHAR(50)  NOT NULL,
    roles               VARCHAR(300) NOT NULL,
    phone               VARCHAR(30),
    email               VARCHAR(200),
    enabled             BOOLEAN      NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    password_changed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX app_user_org ON app_user (org_code);

CREATE TABLE auth_token (
    token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    username   VARCHAR(64) NOT NULL REFERENCES app_user (username),
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX auth_token_expiry ON auth_token (expires_at);
