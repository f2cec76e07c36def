package cn.yousu.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yousu.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

class PrefixIndexedHandlerMappingTest extends ApiTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void theLiteralStartOfAPatternEndsAtItsFirstVariableOrWildcard() {
        assertThat(PrefixIndexedHandlerMapping.literalStart("/api/v1/cases/{number}/accept")).isEqualTo("/api/v1/cases/");
        assertThat(PrefixIndexedHandlerMapping.literalStart("/api/v1/cases")).isEqualTo("/api/v1/cases");
        assertThat(PrefixIndexedHandlerMapping.literalStart("/static/**")).isEqualTo("/static/");
        assertThat(PrefixIndexedHandlerMapping.literalStart("/files/*.xlsx")).isEqualTo("/files/");
        assertThat(PrefixIndexedHandlerMapping.literalStart("/a?c")).isEqualTo("/a");
    }

    @Test
    void theCandidatesOfAPathAreTheMappingsWhoseLiteralStartBeginsIt() {
        var cases = new PrefixIndexedHandlerMapping.Entry("/api/v1/cases/", null, null);
        var search = new PrefixIndexedHandlerMapping.Entry("/api/v1/cases/search-", null, null);
        var root = new PrefixIndexedHandlerMapping.Entry("/", null, null);
        Map<String, java.util.List<PrefixIndexedHandlerMapping.Entry>> index = Map.of("/api/v1/cases/",
                java.util.List.of(cases, search), "/", java.util.List.of(root));
        assertThat(PrefixIndexedHandlerMapping.candidates(index, "/api/v1/cases/SF-1/accept"))
                .containsExactlyInAnyOrder(cases, root);
        assertThat(PrefixIndexedHandlerMapping.candidates(index, "/api/v1/cases/search-x"))
                .containsExactlyInAnyOrder(cases, search, root);
        assertThat(PrefixIndexedHandlerMapping.candidates(index, "/api/v1/case")).containsExactly(root);
    }

    @Test
    void everyMappingOfTheApplicationStillAnswersItsOwnPaths() throws Exception {
        assertThat(mapping).isInstanceOf(PrefixIndexedHandlerMapping.class);
        assertThat(((PrefixIndexedHandlerMapping) mapping).indexed()).isTrue();
        Map<RequestMappingInfo, HandlerMethod> all = mapping.getHandlerMethods();
        assertThat(all).hasSizeGreaterThan(150);
        int checked = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : all.entrySet()) {
            RequestMappingInfo info = e.getKey();
            if (info.getPathPatternsCondition() == null || info.getPathPatternsCondition().isEmptyPathMapping()
                    || !info.getParamsCondition().isEmpty() || !info.getHeadersCondition().isEmpty()) {
                continue;
            }
            String pattern = info.getPathPatternsCondition().getFirstPattern().getPatternString();
            String path = pattern.replaceAll("\\{\\*?[^}]+}", "1").replace("**", "a/b").replace("*", "a");
            RequestMethod method = info.getMethodsCondition().getMethods().stream().findFirst().orElse(RequestMethod.GET);
            String contentType = info.getConsumesCondition().getConsumableMediaTypes().stream().findFirst()
                    .map(Object::toString).orElse(null);
            HandlerMethod found = resolve(method.name(), path, contentType);
            assertThat(found).as("%s %s (from %s)", method, path, pattern).isNotNull();
            // the sample path of a pattern may also fit a more specific mapping; then that one must match it too
            if (!found.getMethod().equals(e.getValue().getMethod())) {
                assertThat(mapping.getHandlerMethods().entrySet().stream()
                        .filter(other -> other.getValue().getMethod().equals(found.getMethod()))
                        .anyMatch(other -> other.getKey().getPathPatternsCondition().getPatterns().stream()
                                .anyMatch(p -> p.matches(org.springframework.http.server.PathContainer.parsePath(path)))))
                        .as("%s %s resolved to %s", method, path, found).isTrue();
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(150);
    }

    @Test
    void pathsWithEscapesOrMatrixParametersAreMatchedAsSpringMatchesThem() throws Exception {
        HandlerMethod plain = resolve("POST", "/api/v1/cases/SF-2026-000001/accept");
        assertThat(plain.getMethod().getName()).isEqualTo("accept");
        // "%61ccept" decodes to "accept" and ";v=1" is a matrix parameter: neither begins with the literal text
        assertThat(resolve("POST", "/api/v1/cases/SF-2026-000001/%61ccept").getMethod()).isEqualTo(plain.getMethod());
        assertThat(resolve("POST", "/api/v1/c%61ses/SF-2026-000001/accept").getMethod()).isEqualTo(plain.getMethod());
        assertThat(resolve("POST", "/api/v1/cases;v=1/SF-2026-000001/accept").getMethod()).isEqualTo(plain.getMethod());
        // a path that no mapping answers, or not with this method, is left to Spring: nothing, or 405
        assertThat(resolve("GET", "/api/v1/cases/SF-2026-000001/no-such-action")).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> resolve("DELETE", "/api/v1/cases/SF-2026-000001/accept"))
                .isInstanceOf(org.springframework.web.HttpRequestMethodNotSupportedException.class);
    }

    @Test
    void aCorsPreFlightIsAnsweredAsSpringAnswersIt() throws Exception {
        for (String path : java.util.List.of("/api/v1/cases/SF-2026-000001/accept", "/api/v1/cases/SF-2026-000001")) {
            MockHttpServletRequest request = new MockHttpServletRequest("OPTIONS", path);
            request.addHeader("Origin", "https://example.cn");
            request.addHeader("Access-Control-Request-Method", "POST");
            ServletRequestPathUtils.parseAndCache(request);
            HandlerExecutionChain chain = mapping.getHandler(request);
            assertThat(chain).as(path).isNotNull();
            // Spring answers a pre-flight with its own handler, not the mapped method
            assertThat(chain.getHandler().getClass().getSimpleName()).as(path).isEqualTo("PreFlightHttpRequestHandler");
        }
    }

    private HandlerMethod resolve(String method, String path) throws Exception {
        return resolve(method, path, null);
    }

    private HandlerMethod resolve(String method, String path, String contentType) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (contentType != null) {
            request.setContentType(contentType.replace("*", "form-data"));
        }
        ServletRequestPathUtils.parseAndCache(request);
        HandlerExecutionChain chain = mapping.getHandler(request);
        return chain == null ? null : (HandlerMethod) chain.getHandler();
    }
}
