package cn.yousu.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * Turns every refusal on the JSON API into an RFC 9457 problem, with Chinese text and, for bad input,
 * the list of bad fields.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        return respond(ProblemResponses.of(problem));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String field = path(jackson.getPath());
            return respond(ProblemResponses.of(ApiProblem.invalid(field, "格式不正确" + hint(jackson))));
        }
        if (cause == null && e.getMessage() != null && e.getMessage().startsWith("Required request body")) {
            return respond(ProblemResponses.of(ApiProblem.invalid("body", "请求体不能为空")));
        }
        return respond(ProblemResponses.of(ApiProblem.invalid("body", "请求体不是有效的 JSON")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(ProblemResponses.of(ApiProblem.invalid(e.getName(), "格式不正确：" + e.getValue())));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return respond(ProblemResponses.of(ApiProblem.invalid(e.getParameterName(), "不能为空")));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
        return respond(ProblemResponses.of(ApiProblem.invalid(e.getRequestPartName(), "请选择要上传的文件")));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return respond(ProblemResponses.of(ApiProblem.tooLarge("上传文件超过大小限制")));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        return respond(ProblemResponses.of(ApiProblem.invalid("file", "上传内容无法读取")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(ProblemResponses.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "不支持的内容类型", "请以 application/json 提交", null));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return respond(ProblemResponses.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                "不支持的请求方法", "该地址不支持 " + e.getMethod() + " 请求", null));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return respond(ProblemResponses.of(ApiProblem.notFound("没有这个地址：/" + e.getResourcePath())));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return respond(ProblemResponses.of(ApiProblem.forbidden("您没有执行此操作的权限")));
    }

    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrencyFailureException e) {
        return respond(ProblemResponses.of(ApiProblem.concurrentChange()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(ProblemResponses.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "系统内部错误",
                "系统暂时无法处理该请求，请稍后重试；如持续出现请联系管理员", null));
    }

    static ResponseEntity<ProblemDetail> respond(ProblemDetail body) {
        return ResponseEntity.status(body.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static String path(List<JacksonException.Reference> references) {
        List<String> parts = new ArrayList<>();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                parts.add(reference.getPropertyName());
            } else if (reference.getIndex() >= 0 && !parts.isEmpty()) {
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + reference.getIndex() + "]");
            }
        }
        return parts.stream().collect(Collectors.joining("."));
    }

    private static String hint(JacksonException e) {
        if (e instanceof tools.jackson.databind.exc.InvalidFormatException invalid
                && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
            Object[] values = invalid.getTargetType().getEnumConstants();
            return "，可选值：" + java.util.Arrays.stream(values).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (e instanceof tools.jackson.databind.exc.MismatchedInputException mismatched
                && mismatched.getTargetType() != null) {
            Class<?> target = mismatched.getTargetType();
            if (java.time.temporal.Temporal.class.isAssignableFrom(target)) {
                return "，应为 ISO-8601 时间";
            }
            if (Number.class.isAssignableFrom(target) || target.isPrimitive() && target != boolean.class) {
                return "，应为数字";
            }
            if (target == Boolean.class || target == boolean.class) {
                return "，应为 true 或 false";
            }
            if (java.util.Collection.class.isAssignableFrom(target)) {
                return "，应为数组";
            }
        }
        return "";
    }
}
