package cn.yousu.identity.web;

import cn.yousu.identity.Actor;
import cn.yousu.identity.CurrentActor;
import cn.yousu.identity.Role;
import cn.yousu.identity.StaffPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Fills the common layout of every page rendered for a signed-in user: name, organisation and roles, the navigation
 * and the header badges that the modules offer through {@link StaffPages}. Pages of the JSON API are untouched.
 */
@Configuration(proxyBeanMethods = false)
class StaffLayout implements WebMvcConfigurer, HandlerInterceptor {

    private final List<StaffPages> modules;

    StaffLayout(List<StaffPages> modules) {
        this.modules = modules;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**", "/assets/**", "/webjars/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView page) {
        if (page == null || page.getViewName() == null || page.getViewName().startsWith("redirect:")
                || page.getViewName().contains("::")) {
            return;
        }
        fill(page, request);
    }

    /** Adds the layout's model: the current path, and the user with navigation and badges when signed in. */
    void fill(ModelAndView page, HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        page.addObject("currentPath", path);
        Optional<Actor> found = CurrentActor.find();
        if (found.isEmpty()) {
            return;
        }
        Actor actor = found.get();
        page.addObject("currentUser", actor);
        page.addObject("currentRoles", actor.roles().stream().sorted().map(Role::label)
                .collect(Collectors.joining("、")));
        List<StaffPages.NavLink> navigation = modules.stream().flatMap(m -> m.navigation(actor).stream())
                .sorted(Comparator.comparingInt(StaffPages.NavLink::order)).toList();
        page.addObject("navigation", navigation);
        // the entry whose address is the longest start of the page's: /reports/ranking is 排名评价's, not 统计分析's
        navigation.stream().map(StaffPages.NavLink::href)
                .filter(href -> path.equals(href) || path.startsWith(href + "/"))
                .max(Comparator.comparingInt(String::length))
                .ifPresent(href -> page.addObject("activeNav", href));
        page.addObject("headerBadges", modules.stream().flatMap(m -> m.badges(actor).stream()).toList());
    }
}
