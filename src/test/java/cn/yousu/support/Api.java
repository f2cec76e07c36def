package cn.yousu.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests: real requests to the running application, JSON in and out. */
public final class Api {

    public static final String PASSWORD = "demo1234";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public String base() {
        return base;
    }

    /** Requests as {@code username} (a demo account), signing in once. */
    public Caller as(String username) {
        return new Caller(tokens.computeIfAbsent(username, u -> login(u, PASSWORD)));
    }

    /** Requests without credentials. */
    public Caller anonymous() {
        return new Caller(null);
    }

    public Caller withToken(String token) {
        return new Caller(token);
    }

    public String login(String username, String password) {
        Response r = anonymous().post("/api/v1/auth/token", Map.of("username", username, "password", password));
        assertThat(r.status()).as("login of %s: %s", username, r.body()).isEqualTo(200);
        return r.json().get("token").asString();
    }

    public static JsonMapper json() {
        return JSON;
    }

    public static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public final class Caller {

        private final String token;

        Caller(String token) {
            this.token = token;
        }

        public Response get(String path) {
            return send(request(path).GET());
        }

        /** Downloads a file (a form, a spreadsheet), insisting on 200. */
        public byte[] download(String path) {
            try {
                HttpResponse<byte[]> r = HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) {
                    throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": "
                            + new String(r.body(), StandardCharsets.UTF_8));
                }
                return r.body();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        public Response post(String path, Object body) {
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
        }

        public Response post(String path) {
            return post(path, "{}");
        }

        public Response put(String path, Object body) {
            return send(request(path).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
        }

        public Response delete(String path) {
            return send(request(path).DELETE());
        }

        /** Uploads one file as multipart field {@code file}. */
        public Response upload(String path, String filename, byte[] content) {
            String boundary = "----yousu" + System.nanoTime();
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[head.length + content.length + tail.length];
            System.arraycopy(head, 0, body, 0, head.length);
            System.arraycopy(content, 0, body, head.length, content.length);
            System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
            return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return b;
        }

        private Response send(HttpRequest.Builder builder) {
            try {
                HttpResponse<String> r = HTTP.send(builder.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** An HTTP answer. */
    public record Response(int status, String body, String contentType) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** Asserts the status, showing the body when it differs. */
        public Response expect(int expected) {
            assertThat(status).as("HTTP status; body: %s", body).isEqualTo(expected);
            return this;
        }

        public String text(String field) {
            JsonNode node = json().get(field);
            return node == null || node.isNull() ? null : node.asString();
        }

        /** The fields named in a 400 problem's {@code errors}. */
        public List<String> errorFields() {
            List<String> fields = new ArrayList<>();
            JsonNode errors = json().get("errors");
            if (errors != null) {
                errors.forEach(e -> fields.add(e.get("field").asString()));
            }
            return fields;
        }

        /** Asserts an RFC 9457 problem with this status. */
        public Response problem(int expected) {
            expect(expected);
            assertThat(contentType).startsWith("application/problem+json");
            JsonNode json = json();
            assertThat(json.get("status").asInt()).isEqualTo(expected);
            assertThat(json.get("title").asString()).isNotBlank();
            assertThat(json.get("type").asString()).isNotBlank();
            return this;
        }
    }
}
