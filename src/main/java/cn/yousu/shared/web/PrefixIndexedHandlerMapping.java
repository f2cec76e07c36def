package cn.yousu.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's request mapping with an index of its patterns by their literal start. A path with a variable in it
 * ({@code /api/v1/cases/{number}/accept}) has no direct lookup, so Spring tries every one of the application's two
 * hundred mappings in turn, each through the request's method behind half a dozen security wrappers: a tenth of the
 * CPU of a case action. Here only the mappings whose literal start begins the path are tried, ranked by Spring's own
 * comparator, so the same mapping wins. Everything else goes to Spring unchanged: a path Spring finds directly, a
 * path with percent-escapes or matrix parameters (which Spring compares decoded), a tie, a CORS pre-flight that
 * several mappings answer, and a path no indexed mapping matches (so that 404, 405 and 415 answer as before).
 */
public class PrefixIndexedHandlerMapping extends RequestMappingHandlerMapping {

    record Entry(String start, RequestMappingInfo info, HandlerMethod handler) {
    }

    /** Mappings by their literal start up to its last '/'; null while (re)building. */
    private volatile @Nullable Map<String, List<Entry>> index;
    /** Paths some mapping names without a variable: Spring's direct lookup answers those. */
    private volatile Set<String> directPaths = Set.of();

    @Override
    protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
        super.handlerMethodsInitialized(handlerMethods);
        reindex();
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, java.lang.reflect.Method method) {
        index = null;
        super.registerMapping(mapping, handler, method);
        reindex();
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        index = null;
        super.unregisterMapping(mapping);
        reindex();
    }

    private void reindex() {
        Map<String, List<Entry>> byKey = new HashMap<>();
        Set<String> direct = new HashSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : getHandlerMethods().entrySet()) {
            String[] starts = literalStarts(e.getKey());
            if (starts == null) {
                // a mapping without a path pattern could match any path: only Spring decides
                index = null;
                return;
            }
            direct.addAll(getDirectPaths(e.getKey()));
            for (String start : starts) {
                byKey.computeIfAbsent(start.substring(0, start.lastIndexOf('/') + 1), k -> new ArrayList<>())
                        .add(new Entry(start, e.getKey(), e.getValue()));
            }
        }
        directPaths = Set.copyOf(direct);
        index = Map.copyOf(byKey);
    }

    /** Whether lookups go through the index (false: every mapping of the application left to Spring). */
    boolean indexed() {
        return index != null;
    }

    /** A candidate's mapping as matched to the request, with its handler. */
    private record Match(RequestMappingInfo mapping, HandlerMethod handler) {
    }

    @Override
    protected @Nullable HandlerMethod lookupHandlerMethod(String path, HttpServletRequest request) throws Exception {
        Map<String, List<Entry>> byKey = index;
        if (byKey == null || path.indexOf('%') >= 0 || path.indexOf(';') >= 0 || directPaths.contains(path)) {
            return super.lookupHandlerMethod(path, request);
        }
        List<Match> matches = new ArrayList<>(2);
        for (Entry e : candidates(byKey, path)) {
            RequestMappingInfo match = getMatchingMapping(e.info(), request);
            if (match != null) {
                matches.add(new Match(match, e.handler()));
            }
        }
        if (matches.isEmpty()) {
            return super.lookupHandlerMethod(path, request);
        }
        if (matches.size() > 1) {
            // Spring's own ranking; a tie, or a CORS pre-flight that several mappings answer, is Spring's to report
            Comparator<RequestMappingInfo> ranking = getMappingComparator(request);
            matches.sort(Comparator.comparing(Match::mapping, ranking));
            if (ranking.compare(matches.get(0).mapping(), matches.get(1).mapping()) == 0
                    || CorsUtils.isPreFlightRequest(request)) {
                return super.lookupHandlerMethod(path, request);
            }
        }
        Match best = matches.get(0);
        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, best.handler());
        handleMatch(best.mapping(), path, request);
        return best.handler();
    }

    /** The indexed mappings whose literal start begins {@code path}. */
    static List<Entry> candidates(Map<String, List<Entry>> byKey, String path) {
        List<Entry> found = new ArrayList<>();
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            List<Entry> entries = byKey.get(path.substring(0, slash + 1));
            if (entries != null) {
                for (Entry e : entries) {
                    if (path.startsWith(e.start())) {
                        found.add(e);
                    }
                }
            }
        }
        return found;
    }

    /** The literal text each pattern of the mapping begins with, up to its first variable or wildcard. */
    static String @Nullable [] literalStarts(RequestMappingInfo info) {
        PathPatternsRequestCondition condition = info.getPathPatternsCondition();
        if (condition == null || condition.isEmptyPathMapping()) {
            return null;
        }
        List<String> starts = new ArrayList<>();
        for (PathPattern pattern : condition.getPatterns()) {
            String start = literalStart(pattern.getPatternString());
            if (!start.startsWith("/")) {
                return null;
            }
            starts.add(start);
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
