/**
 * Notifications (issue 4): a transactional outbox written with the case change that caused it (listening to
 * casework's {@code CaseActivity} inside the transaction), delivered at least once by e-mail (SMTP) and SMS (a port
 * with an HTTP and a logging adapter) with retries and backoff; the staff's in-app inbox; Chinese templates.
 */
package cn.yousu.notification;
