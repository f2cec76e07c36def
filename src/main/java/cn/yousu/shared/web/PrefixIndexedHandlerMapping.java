package cn.yousu.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's request mapping with a quick first test. A path with a variable in it ({@code /api/v1/cases/{number}
 * /accept}) has no direct lookup, so Spring tries every one of the application's two hundred mappings in turn, each
 * through the request's method behind half a dozen security wrappers: a tenth of the CPU of a case action. Here a
 * mapping none of whose patterns begins with the literal start of the path is passed over at once; the mappings
 * that remain are matched by Spring exactly as before. Paths with percent-escapes or matrix parameters (which
 * Spring compares decoded) skip the quick test.
 */
public class PrefixIndexedHandlerMapping extends RequestMappingHandlerMapping {

    private final ThreadLocal<String> lookupPath = new ThreadLocal<>();
    private final Map<RequestMappingInfo, String[]> prefixes = new ConcurrentHashMap<>();

    @Override
    protected @Nullable HandlerMethod lookupHandlerMethod(String path, HttpServletRequest request) throws Exception {
        boolean plain = path.indexOf('%') < 0 && path.indexOf(';') < 0;
        if (plain) {
            lookupPath.set(path);
        }
        try {
            return super.lookupHandlerMethod(path, request);
        } finally {
            if (plain) {
                lookupPath.remove();
            }
        }
    }

    @Override
    protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        String path = lookupPath.get();
        if (path != null && !couldMatch(prefixes.computeIfAbsent(info, PrefixIndexedHandlerMapping::literalStarts),
                path)) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    /** Whether a path could match a mapping whose patterns begin with {@code starts} (null: any path could). */
    static boolean couldMatch(String @Nullable [] starts, String path) {
        if (starts == null) {
            return true;
        }
        for (String start : starts) {
            if (path.startsWith(start)) {
                return true;
            }
        }
        return false;
    }

    /** The literal text each pattern of the mapping begins with, up to its first variable or wildcard. */
    static String @Nullable [] literalStarts(RequestMappingInfo info) {
        PathPatternsRequestCondition condition = info.getPathPatternsCondition();
        if (condition == null || condition.isEmptyPathMapping()) {
            return null;
        }
        List<String> starts = new ArrayList<>();
        for (PathPattern pattern : condition.getPatterns()) {
            starts.add(literalStart(pattern.getPatternString()));
        }
        return starts.toArray(String[]::new);
    }

    static String literalStart(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch == '{' || ch == '*' || ch == '?' || ch == '\\') {
                return pattern.substring(0, i);
            }
        }
        return pattern;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        WebMvcRegistrations prefixIndexedHandlerMapping() {
            return new WebMvcRegistrations() {
                @Override
                public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                    return new PrefixIndexedHandlerMapping();
                }
            };
        }
    }
}
