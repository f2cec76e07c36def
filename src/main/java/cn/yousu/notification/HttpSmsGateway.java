package cn.yousu.notification;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * SMS through the operator's HTTP gateway: {@code POST <url>} with JSON {@code {"phone": ..., "text": ...}}; any
 * answer other than 2xx is a failure that the outbox retries.
 */
class HttpSmsGateway implements SmsGateway {

    private final RestClient http;
    private final String url;

    HttpSmsGateway(RestClient.Builder builder, String url) {
        this.http = builder.build();
        this.url = url;
    }

    @Override
    public void send(String phone, String text) {
        http.post().uri(url).contentType(MediaType.APPLICATION_JSON).body(Map.of("phone", phone, "text", text))
                .retrieve().toBodilessEntity();
    }
}
