package cn.yousu.intake;

import java.util.regex.Pattern;

/** Mainland phone numbers: an 11-digit mobile, or a landline with area code. */
public final class Phones {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?");

    private Phones() {
    }

    public static boolean valid(String phone) {
        if (phone == null) {
            return false;
        }
        String p = phone.trim();
        return MOBILE.matcher(p).matches() || LANDLINE.matcher(p).matches();
    }

    public static String problem(String phone) {
        return valid(phone) ? null : "电话号码格式不正确：手机号为 11 位数字（以 1 开头），座机如 0710-6331373";
    }
}
