package cn.yousu.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The few htmx conventions the pages use: a request made by htmx, and telling it where to put the answer. */
public final class Htmx {

    private Htmx() {
    }

    public static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /** The answer replaces the element {@code selector} (outerHTML) instead of the request's own target. */
    public static void retarget(HttpServletResponse response, String selector) {
        response.setHeader("HX-Retarget", selector);
        response.setHeader("HX-Reswap", "outerHTML");
    }

    /** htmx loads {@code url} as a full page. */
    public static void redirect(HttpServletResponse response, String url) {
        response.setHeader("HX-Redirect", url);
    }
}
