package cn.yousu.notification;

/**
 * The port through which text messages leave: {@link HttpSmsGateway} posts to the operator's gateway when
 * {@code yousu.notification.sms.url} is set, otherwise {@link LoggingSmsGateway} writes them to the log.
 */
public interface SmsGateway {

    /** Sends one message; throws when the gateway refused it or could not be reached (the outbox retries). */
    void send(String phone, String text);
}
