package cn.yousu.shared;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A refusal that the API reports as an RFC 9457 problem. The message is Chinese, for the person reading it.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final List<FieldProblem> errors;

    protected ApiProblem(HttpStatus status, String type, String title, String detail, List<FieldProblem> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public HttpStatus status() { return status; }
    public String type() { return type; }
    public String title() { return title; }
    public List<FieldProblem> errors() { return errors; }

    /** 400: input that cannot be accepted; every bad field is named. */
    public static ApiProblem invalid(List<FieldProblem> errors) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-input", "输入有误",
                "请求中有 " + errors.size() + " 处输入有误", errors);
    }

    public static ApiProblem invalid(String field, String message) {
        return invalid(List.of(new FieldProblem(field, message)));
    }

    /** 404: no such thing, or not in the caller's scope (existence does not leak). */
    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "未找到", detail, null);
    }

    /** 403: the caller may not do this. */
    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "无权操作", detail, null);
    }

    /** 409: not allowed in the current state, or a concurrent change won. */
    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, "conflict", "当前状态不允许此操作", detail, null);
    }

    public static ApiProblem concurrentChange() {
        return new ApiProblem(HttpStatus.CONFLICT, "concurrent-change", "并发修改",
                "该记录刚被其他人修改，请刷新后重试", null);
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized", "未登录或凭据无效", detail, null);
    }

    public static ApiProblem tooLarge(String detail) {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "上传内容过大", detail, null);
    }

    public static ApiProblem tooManyRequests(String detail) {
        return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "请求过于频繁", detail, null);
    }
}
