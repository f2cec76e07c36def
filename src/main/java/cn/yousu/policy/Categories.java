package cn.yousu.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The acceptance scope: the union of Zaoyang's 14 items (三(一)) and Xuchang's 7 items (三), with overlapping
 * items merged and both sources named.
 */
public final class Categories {

    private static final List<Category> ALL = List.of(
            new Category("LICENSE_DELAY", "行政许可、政务服务申请不予受理或未按规定程序和时限办理", "枣阳 三(一)1",
                    List.of("许可", "审批", "办证", "证照", "执照", "登记", "申请", "不予受理", "拖延", "迟迟", "办不成", "窗口", "时限")),
            new Category("ILLEGAL_FEES", "擅自设立收费项目、提高收费标准、扩大收费范围", "枣阳 三(一)2",
                    List.of("收费", "费用", "缴费", "罚款", "多收", "乱收费", "收取")),
            new Category("POLICY_NOT_HONOURED", "涉企优惠政策不落实", "枣阳 三(一)3",
                    List.of("优惠", "补贴", "补助", "奖励", "减免", "退税", "扶持", "政策兑现", "兑现")),
            new Category("EXTORTION", "利用职权“索、拿、卡、要”或故意刁难", "枣阳 三(一)4；许昌 三(六)",
                    List.of("索要", "刁难", "吃拿卡要", "卡要", "好处", "红包", "请吃")),
            new Category("DESIGNATED_INTERMEDIARY", "指定中介服务、强制购买指定产品和服务、强迫参加协会商会等社会组织", "枣阳 三(一)5",
                    List.of("中介", "指定", "强制购买", "强迫", "协会", "商会", "入会")),
            new Category("IMPROPER_INSPECTION", "违规对企业进行检查、违法处罚，或检查结果不公", "枣阳 三(一)6",
                    List.of("检查", "处罚", "执法", "查封", "罚")),
            new Category("IMPROPER_SHUTDOWN", "违法违规或不合理采取停产、停业、停水、停电、停气等措施", "枣阳 三(一)7",
                    List.of("停产", "停业", "停水", "停电", "停气", "断电", "断水", "关停")),
            new Category("COMPETITION_RESTRICTED", "限制市场公平竞争、设置垄断条款或地域保护、擅自提高市场准入门槛", "枣阳 三(一)8",
                    List.of("垄断", "竞争", "准入", "门槛", "地域保护", "排斥", "本地企业")),
            new Category("PUBLIC_RESOURCE_TRADING", "公共资源交易中违法违规，或未按规定招投标", "枣阳 三(一)9",
                    List.of("招标", "投标", "招投标", "采购", "公共资源", "中标")),
            new Category("EXCESSIVE_COERCION", "超范围、超限度采取扣押、冻结等强制措施，侵害企业和企业家产权及人身权", "枣阳 三(一)10",
                    List.of("扣押", "冻结", "查扣", "强制措施", "账户")),
            new Category("BROKEN_PROMISE", "不履行或拖延履行依法作出的政策承诺、合同，违约拖欠账款", "枣阳 三(一)11；许昌 三(四)",
                    List.of("承诺", "合同", "拖欠", "欠款", "账款", "工程款", "违约", "未兑现")),
            new Category("OBSTRUCTION_NOT_STOPPED", "对妨碍项目建设和企业生产经营的行为不依法制止、查处不力", "枣阳 三(一)12",
                    List.of("阻工", "妨碍", "强揽", "闹事", "堵门", "干扰施工")),
            new Category("AUTONOMY_INTERFERENCE", "违反规定干预市场主体经营自主权", "许昌 三(一)",
                    List.of("干预", "自主权", "强令", "摊派")),
            new Category("PROPERTY_RIGHTS", "侵犯财产权、知识产权等合法权益，泄露商业秘密、个人隐私", "许昌 三(二)",
                    List.of("财产", "知识产权", "专利", "商标", "商业秘密", "隐私", "泄露")),
            new Category("UNEQUAL_TREATMENT", "制定或实施政策措施不依法平等对待各类市场主体", "许昌 三(三)",
                    List.of("不平等", "歧视", "区别对待", "民营", "外资", "差别待遇")),
            new Category("BURDENS", "乱收费、乱摊派、乱评比、乱培训、乱检查（调研）等加重企业负担", "许昌 三(五)",
                    List.of("摊派", "评比", "培训", "调研", "负担", "赞助")),
            new Category("WORK_STYLE", "工作作风、服务质量、办事效率问题，不作为、慢作为、乱作为", "许昌 三(六)",
                    List.of("态度", "作风", "推诿", "不作为", "慢作为", "乱作为", "效率", "踢皮球", "不理")),
            new Category("POLICY_SUGGESTION", "有助于经营主体健康发展的政策建议、合理需求", "枣阳 三(一)14",
                    List.of("建议", "希望", "呼吁", "提议", "需求")),
            new Category("OTHER", "其他损害营商环境的行为", "枣阳 三(一)13；许昌 三(七)", List.of()));

    private static final Map<String, Category> BY_CODE = new LinkedHashMap<>();

    static {
        ALL.forEach(c -> BY_CODE.put(c.code(), c));
    }

    private Categories() {
    }

    public static List<Category> all() {
        return ALL;
    }

    public static Optional<Category> find(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    public static boolean exists(String code) {
        return code != null && BY_CODE.containsKey(code);
    }

    public static String name(String code) {
        return find(code).map(Category::name).orElse(code);
    }
}
