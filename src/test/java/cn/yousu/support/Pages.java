package cn.yousu.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cookie-keeping HTTP client for the pages, as a browser without script would use them: it follows no redirects
 * (tests look at them), keeps the session and CSRF cookies, and posts forms with the CSRF token of the last page.
 */
public final class Pages {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"|name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String csrf;

    public Pages(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A page client signed in as {@code username} (a demo account). */
    public static Pages signedIn(int port, String username) {
        Pages pages = new Pages(port);
        pages.login(username, Api.PASSWORD).expectRedirect("/workbench");
        pages.get("/workbench").expect(200); // signing in renews the CSRF token: read the new one
        return pages;
    }

    public Page login(String username, String password) {
        get("/login");
        return post("/login", Map.of("username", username, "password", password));
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Posts a form with the CSRF token of the last page seen. */
    public Page post(String path, Map<String, ?> form) {
        Map<String, Object> all = new LinkedHashMap<>(form);
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        return postRaw(path, all, Map.of());
    }

    /** Posts as htmx does: the token as a header. */
    public Page htmxPost(String path, Map<String, ?> form) {
        return postRaw(path, form, csrf == null ? Map.of("HX-Request", "true")
                : Map.of("HX-Request", "true", "X-XSRF-TOKEN", csrf));
    }

    public Page htmxGet(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("HX-Request", "true").GET());
    }

    /** Posts without any CSRF token. */
    public Page postWithoutToken(String path, Map<String, ?> form) {
        return postRaw(path, form, Map.of());
    }

    private Page postRaw(String path, Map<String, ?> form, Map<String, String> headers) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> {
            List<?> values = v instanceof List<?> list ? list : List.of(v);
            for (Object value : values) {
                if (!body.isEmpty()) {
                    body.append('&');
                }
                body.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
            }
        });
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        headers.forEach(b::header);
        return send(b);
    }

    public List<HttpCookie> cookies() {
        return cookies.getCookieStore().getCookies();
    }

    public String cookie(String name) {
        return cookies().stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst()
                .orElse(null);
    }

    private Page send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> r = http.send(builder.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Page page = new Page(r.statusCode(), r.body(), r.headers().map());
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) {
                csrf = m.group(1) != null ? m.group(1) : m.group(2);
            }
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A page as the server answered it. */
    public record Page(int status, String body, Map<String, List<String>> headers) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        public Page expect(int expected) {
            assertThat(status).as("HTTP status; body: %s", body.length() > 2000 ? body.substring(0, 2000) : body)
                    .isEqualTo(expected);
            return this;
        }

        /** Asserts a redirect to {@code path} (query string included when given). */
        public Page expectRedirect(String path) {
            assertThat(status).as("a redirect; body: %s", body).isBetween(301, 303);
            String location = header("Location");
            assertThat(URI.create(location).getPath() + (path.contains("?") ? "?" + URI.create(location).getQuery() : ""))
                    .isEqualTo(path);
            return this;
        }

        /** The texts of the elements with this class (a rough reading, enough for tests). */
        public List<String> texts(String cssClass) {
            List<String> found = new ArrayList<>();
            Matcher m = Pattern.compile("class=\"[^\"]*\\b" + Pattern.quote(cssClass) + "\\b[^\"]*\"[^>]*>([^<]*)<")
                    .matcher(body);
            while (m.find()) {
                found.add(m.group(1).trim());
            }
            return found;
        }
    }
}
