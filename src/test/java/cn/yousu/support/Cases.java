package cn.yousu.support;

import cn.yousu.intake.CreditCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;

/**
 * Drives cases through the API to the state a test needs, as the demo accounts would: {@code office} registers,
 * accepts, dispatches, reviews and visits; {@code scjg} handles; {@code scjg-head} signs off.
 */
public final class Cases {

    private final Api api;

    public Cases(Api api) {
        this.api = api;
    }

    public record Registered(String number, String code) {
    }

    /** A valid, random unified social credit code, so that no two test complainants look alike. */
    public static String creditCode() {
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder b = new StringBuilder("91350100");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            b.append(chars.charAt(random.nextInt(chars.length())));
        }
        return b.append(CreditCode.checkCharacter(b.toString())).toString();
    }

    public static String mobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A complete complaint about {@code respondentUnit}, as the office registers a hotline call. */
    public static Map<String, Object> complaint(String regionCode, String respondentUnit) {
        Map<String, Object> complainant = new LinkedHashMap<>();
        complainant.put("type", "ENTERPRISE");
        complainant.put("name", "张经理");
        complainant.put("companyName", "示范测试科技有限公司" + ThreadLocalRandom.current().nextInt(1_000_000));
        complainant.put("creditCode", creditCode());
        complainant.put("contactName", "张经理");
        complainant.put("phone", mobile());
        complainant.put("email", "zhang@example.cn");
        complainant.put("address", "示范市人民路 8 号");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "COMPLAINT");
        body.put("channel", "HOTLINE");
        body.put("regionCode", regionCode);
        body.put("title", "营业执照变更登记迟迟不予办理");
        body.put("facts", "我公司 9 月 1 日提交营业执照变更登记申请，材料齐全，窗口至今未办理，也未告知原因，多次电话询问均被推诿。");
        body.put("request", "请尽快办理变更登记并说明延误原因");
        body.put("complainant", complainant);
        body.put("respondent", Map.of("unitCode", respondentUnit));
        return body;
    }

    public Registered register() {
        return register("office", complaint("SF", "SF-SCJG"));
    }

    public Registered register(String as, Map<String, Object> body) {
        JsonNode c = api.as(as).post("/api/v1/cases", body).expect(201).json();
        return new Registered(c.get("number").asString(), c.get("trackingCode").asString());
    }

    public JsonNode get(String as, String number) {
        return api.as(as).get("/api/v1/cases/" + number).expect(200).json();
    }

    public JsonNode act(String as, String number, String action, Object body) {
        return api.as(as).post("/api/v1/cases/" + number + "/" + action, body).expect(200).json();
    }

    public void accept(String number, String complexity) {
        act("office", number, "accept", Map.of("kind", "COMPLAINT", "complexity", complexity,
                "categoryCode", "LICENSE_DELAY"));
    }

    public void assign(String number, String lead, String... cooperating) {
        act("office", number, "assign", Map.of("leadUnitCode", lead, "cooperatingUnitCodes", List.of(cooperating),
                "requirements", "请核实情况，依法依规办理并答复企业"));
    }

    /** Registered, accepted (GENERAL), assigned to 市市场监管局 and signed: IN_PROGRESS. */
    public Registered inProgress() {
        Registered r = register();
        accept(r.number(), "GENERAL");
        assign(r.number(), "SF-SCJG");
        act("scjg", r.number(), "sign", Map.of());
        return r;
    }

    public static Map<String, Object> result(String date) {
        Map<String, Object> feedback = Map.of("at", date, "method", "电话", "attitude", "SATISFIED");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("finding", "TRUE");
        body.put("verification", "经查，该企业变更申请材料齐全，窗口因系统升级未及时受理，反映属实。");
        body.put("measures", "已于当日办结变更登记，对窗口责任人进行批评教育，并优化受理流程。");
        body.put("feedback", feedback);
        return body;
    }

    /** … drafted by 经办人 and signed off by 单位负责人: RESULT_SUBMITTED. */
    public void submitResult(String number, String feedbackDate) {
        act("scjg", number, "draft-result", result(feedbackDate));
        act("scjg-head", number, "sign-off", Map.of("comment", "同意"));
    }

    /** … reviewed and approved: VISITING. */
    public Registered visiting(String feedbackDate) {
        Registered r = inProgress();
        submitResult(r.number(), feedbackDate);
        act("office", r.number(), "review", Map.of("approve", true));
        return r;
    }

    public List<String> actions(String as, String number) {
        List<String> names = new ArrayList<>();
        get(as, number).get("allowedActions").forEach(a -> names.add(a.get("action").asString()));
        return names;
    }

    public List<String> timelineActions(String as, String number) {
        List<String> names = new ArrayList<>();
        get(as, number).get("timeline").forEach(a -> names.add(a.get("action").asString()));
        return names;
    }
}
