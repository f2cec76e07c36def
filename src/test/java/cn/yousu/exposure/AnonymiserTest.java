package cn.yousu.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnonymiserTest {

    @Test
    void removesNamesPhonesCreditCodesIdNumbersEmailsAndMarkedTerms() {
        String text = "张三丰（身份证 110101199003071234，手机 13912345678，座机 0731-88886666，邮箱 zsf@example.cn）"
                + "代表示范科技有限公司（统一社会信用代码 91350100M000100Y43）反映：张三多次被要求到东湖路窗口补材料。";
        String out = Anonymiser.anonymise(text, List.of("张三丰", "张三", "示范科技有限公司", "东湖路"));
        assertThat(out).doesNotContain("张三", "丰", "110101199003071234", "13912345678", "88886666", "zsf@",
                "91350100M000100Y43", "示范科技", "东湖路");
        assertThat(out).contains("［身份证号已隐去］", "［电话已隐去］", "［邮箱已隐去］", "［统一社会信用代码已隐去］",
                "××（", "代表××（");
        assertThat(Anonymiser.residue(out, List.of("张三丰", "张三"))).isEmpty();
        assertThat(Anonymiser.residue("联系 13912345678 张三", List.of("张三")))
                .containsExactly("「张三」", "手机号码");
    }

    @Test
    void leavesOrdinaryNumbersAndSingleCharactersAlone() {
        String text = "2026 年 9 月 1 日提交，案件 SF-2026-000123，等待 30 个工作日。";
        assertThat(Anonymiser.anonymise(text, List.of("张", " "))).isEqualTo(text);
    }
}
