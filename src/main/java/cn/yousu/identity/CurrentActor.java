package cn.yousu.identity;

import cn.yousu.shared.ApiProblem;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in staff member of the current request. */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Actor get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
            return actor;
        }
        throw ApiProblem.unauthorized("请先登录");
    }

    /** The signed-in staff member, if any (the public pages are open to everyone). */
    public static java.util.Optional<Actor> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Actor actor
                ? java.util.Optional.of(actor) : java.util.Optional.empty();
    }
}
