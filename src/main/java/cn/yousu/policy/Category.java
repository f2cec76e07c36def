package cn.yousu.policy;

import java.util.List;

/**
 * One item of the acceptance scope (受理范围). {@code keywords} let intake suggest a probable category;
 * {@code suggestedUnitKeywords} hint which kind of unit usually answers for it.
 */
public record Category(String code, String name, String source, List<String> keywords) {
}
