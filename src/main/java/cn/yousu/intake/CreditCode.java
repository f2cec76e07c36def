package cn.yousu.intake;

/**
 * The 18-character unified social credit code (统一社会信用代码, GB 32100-2015): a registration-authority code,
 * an entity type, a 6-digit division code, a 9-character organisation code and a check character.
 */
public final class CreditCode {

    private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** Null when valid, else why not (Chinese). */
    public static String problem(String code) {
        if (code == null || code.length() != 18) {
            return "统一社会信用代码应为 18 位";
        }
        for (int i = 0; i < 18; i++) {
            if (CHARS.indexOf(code.charAt(i)) < 0) {
                return "统一社会信用代码第 " + (i + 1) + " 位「" + code.charAt(i) + "」不是有效字符（不使用 I、O、Z、S、V）";
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return "统一社会信用代码第 3–8 位应为行政区划代码（数字）";
            }
        }
        char expected = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            return "统一社会信用代码校验位不正确，请核对（按前 17 位计算应为「" + expected + "」）";
        }
        return null;
    }

    public static boolean valid(String code) {
        return problem(code) == null;
    }

    /** The check character for the first 17 characters. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARS.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CHARS.charAt(check == 31 ? 0 : check);
    }
}
