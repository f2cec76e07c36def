package cn.yousu.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

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

    /** A view that renders nothing (the answer is in the headers). */
    public static final String NOTHING = "shared/fragments :: nothing";

    /** htmx loads {@code path} as a full page, which shows {@code flash} (a redirect would be followed by htmx itself). */
    public static void redirect(HttpServletRequest request, HttpServletResponse response, String path, String flash) {
        if (flash != null) {
            FlashMap map = RequestContextUtils.getOutputFlashMap(request);
            map.put("flash", flash);
            map.setTargetRequestPath(request.getContextPath() + path);
            RequestContextUtils.getFlashMapManager(request).saveOutputFlashMap(map, request, response);
        }
        response.setHeader("HX-Redirect", request.getContextPath() + path);
    }
}
