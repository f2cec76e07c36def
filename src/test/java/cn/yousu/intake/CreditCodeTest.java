package cn.yousu.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GB 32100-2015 check characters and mainland phone numbers. */
class CreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91110000600037341L", "91440300708461136T"})
    void realCodesPass(String code) {
        assertThat(CreditCode.problem(code)).isNull();
    }

    @Test
    void aWrongCheckCharacterIsExplained() {
        assertThat(CreditCode.problem("91350100M000100Y44")).contains("校验位").contains("「3」");
    }

    @Test
    void lengthAndCharactersAreChecked() {
        assertThat(CreditCode.problem("91350100M000100Y4")).contains("18 位");
        assertThat(CreditCode.problem("91350100M0001O0Y43")).contains("第 14 位");
        assertThat(CreditCode.problem("91AB0100M000100Y43")).contains("行政区划");
    }

    @ParameterizedTest
    @ValueSource(strings = {"13812345678", "19912345678", "0710-6331373", "07106331373", "010-12345678-123"})
    void validPhones(String phone) {
        assertThat(Phones.valid(phone)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12812345678", "1381234567", "138123456789", "6331373", "abc", ""})
    void invalidPhones(String phone) {
        assertThat(Phones.valid(phone)).isFalse();
    }
}
