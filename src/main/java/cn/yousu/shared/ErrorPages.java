package cn.yousu.shared;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import java.util.Map;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors that happen before any controller runs (an unknown address, a request the container refused): the API
 * still answers an RFC 9457 problem, pages the error page (Chinese) in their layout.
 */
@RestController
public class ErrorPages implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    Object error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? "" : uri.toString();
        String detail = switch (status) {
            case NOT_FOUND -> "没有这个地址：" + path;
            case METHOD_NOT_ALLOWED -> "该地址不支持此请求方法";
            case CONTENT_TOO_LARGE -> "上传内容过大";
            case BAD_REQUEST -> "请求无法解析";
            case UNAUTHORIZED -> "请先登录";
            case FORBIDDEN -> "您没有执行此操作的权限";
            default -> status.is5xxServerError() ? "系统暂时无法处理该请求，请稍后重试" : "请求未能完成";
        };
        if (path.startsWith("/api/") || acceptsJson(request)) {
            ProblemDetail problem = ProblemResponses.of(status, slug(status), status.getReasonPhrase(), detail, null);
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        // pages: the error template in the pages' layout (templates/error.html); Thymeleaf escapes the detail
        return new ModelAndView("error", Map.of("status", status.value(), "message", detail), status);
    }

    private static boolean acceptsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && (accept.contains("application/json") || accept.contains("application/problem+json"))
                && !accept.contains("text/html");
    }

    private static String slug(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case CONTENT_TOO_LARGE -> "too-large";
            case BAD_REQUEST -> "invalid-input";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            default -> "error";
        };
    }
}
