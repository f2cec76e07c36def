package cn.yousu.shared.web;

import cn.yousu.shared.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refusal on a page (no such case, not allowed, rate limited) shows the error page with the Chinese message; the
 * JSON API answers problem details instead ({@code ProblemAdvice} comes first for REST controllers).
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorAdvice {

    @ExceptionHandler(ApiProblem.class)
    ModelAndView problem(ApiProblem problem, HttpServletRequest request) {
        ModelAndView page = new ModelAndView(Htmx.isHtmx(request) ? "error :: message" : "error");
        page.setStatus(problem.status());
        page.addObject("status", problem.status().value());
        page.addObject("title", problem.title());
        page.addObject("message", problem.getMessage());
        page.addObject("errors", FieldErrors.of(problem));
        return page;
    }
}
