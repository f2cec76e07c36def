package cn.yousu.identity.web;

import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.web.FieldErrors;
import cn.yousu.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refusal on a page (no such case, not allowed, rate limited) shows the error page with the Chinese message, in the
 * staff layout when someone is signed in; the JSON API answers problem details instead ({@code ProblemAdvice} comes
 * first for REST controllers).
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    private final StaffLayout layout;

    PageErrors(StaffLayout layout) {
        this.layout = layout;
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request) {
        return problem(ApiProblem.tooLarge("上传的文件超过大小限制"), request);
    }

    @ExceptionHandler(ApiProblem.class)
    ModelAndView problem(ApiProblem problem, HttpServletRequest request) {
        boolean partial = Htmx.isHtmx(request);
        ModelAndView page = new ModelAndView(partial ? "error :: message" : "error");
        page.setStatus(problem.status());
        page.addObject("status", problem.status().value());
        page.addObject("title", problem.title());
        page.addObject("message", problem.getMessage());
        page.addObject("errors", FieldErrors.of(problem));
        if (!partial) {
            layout.fill(page, request);
        }
        return page;
    }
}
