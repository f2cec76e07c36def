package cn.yousu.monitoring;

import cn.yousu.shared.ApiProblem;
import cn.yousu.shared.FieldProblem;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/** 422: the candidate fails the eligibility rules; each failed rule is named at its field. */
class Ineligible extends ApiProblem {

    Ineligible(List<FieldProblem> failed) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "ineligible", "不符合选聘条件",
                "不符合选聘条件：" + failed.stream().map(FieldProblem::message).collect(Collectors.joining("；")),
                failed);
    }
}
