-- Counters for gap-free document numbers (case numbers, 〔2026〕N号).
CREATE TABLE number_sequence (
    seq_key    VARCHAR(100) NOT NULL PRIMARY KEY,
    last_value BIGINT       NOT NULL
);
