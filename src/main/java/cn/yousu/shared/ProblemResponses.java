package cn.yousu.shared;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds the RFC 9457 bodies every part of the application answers with. */
public final class ProblemResponses {

    public static final String TYPE_BASE = "/problems/";

    private ProblemResponses() {
    }

    public static ProblemDetail of(ApiProblem problem) {
        return of(problem.status(), problem.type(), problem.title(), problem.getMessage(), problem.errors());
    }

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail,
            List<FieldProblem> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_BASE + type));
        body.setTitle(title);
        if (errors != null && !errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        return body;
    }
}
