-- Delivery reads the due messages in (next_attempt_at, id) order, 200 at a time: with id in the index that order is
-- the index's own, so a batch is read from the front of the index instead of sorting every pending message.
DROP INDEX notification_outbox_due;
CREATE INDEX notification_outbox_due ON notification_outbox (status, next_attempt_at, id);
