package cn.yousu.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** Chooses the SMS adapter: the HTTP gateway when {@code yousu.notification.sms.url} is set, else the log. */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    SmsGateway smsGateway(@Value("${yousu.notification.sms.url:}") String url,
            org.springframework.beans.factory.ObjectProvider<RestClient.Builder> builders) {
        if (url == null || url.isBlank()) {
            return new LoggingSmsGateway();
        }
        return new HttpSmsGateway(builders.getIfAvailable(RestClient::builder), url);
    }
}
