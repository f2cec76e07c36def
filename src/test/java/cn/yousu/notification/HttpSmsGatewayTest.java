package cn.yousu.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** The HTTP SMS adapter against a gateway started in the test: the JSON it posts, and a refusal that the outbox retries. */
class HttpSmsGatewayTest {

    private HttpServer server;
    private final List<String> bodies = new ArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sms", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpSmsGateway gateway() {
        return new HttpSmsGateway(RestClient.builder(), "http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
    }

    @Test
    void postsPhoneAndTextAsJson() {
        gateway().send("13900000000", "【有诉即办】您的诉求已办结");
        assertThat(bodies).hasSize(1);
        assertThat(bodies.get(0)).contains("\"phone\":\"13900000000\"").contains("\"text\":\"【有诉即办】您的诉求已办结\"");
    }

    @Test
    void aRefusalIsAnErrorSoThatTheOutboxRetries() {
        status.set(503);
        assertThatThrownBy(() -> gateway().send("13900000000", "测试")).isInstanceOf(RuntimeException.class);
    }
}
