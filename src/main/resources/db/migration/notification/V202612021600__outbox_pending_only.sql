-- Only a pending message has a next attempt: one sent or failed leaves the due index, which then holds just the
-- messages waiting, in the order delivery reads them. No index leads with the status any more, so the planner
-- cannot take one to look for pending rows while claiming a batch by id (it did, with stale statistics, scanning
-- every pending message for a claim of 200).
ALTER TABLE notification_outbox ALTER COLUMN next_attempt_at DROP NOT NULL;
UPDATE notification_outbox SET next_attempt_at = NULL WHERE status <> 'PENDING';
DROP INDEX notification_outbox_due;
CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at, id);
