package cn.yousu.shared.web;

import cn.yousu.shared.Validation;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * Builds the same command records the JSON API receives from a submitted HTML form, whose inputs are named as
 * the API's fields ({@code complainant.phone}, {@code feedback.at}, a repeated {@code cooperatingUnitCodes}).
 * Blank inputs become null, so that the domain's own checks report missing fields with the API's messages; an
 * input that cannot be read as its type (a number, a date, a choice) is reported by its field name. Nested
 * records are always built, so that each of their fields gets its own message.
 */
public final class FormBinding {

    private FormBinding() {
    }

    /** The record {@code type} from the form; 400 naming every input that could not be read. */
    public static <T extends Record> T bind(MultiValueMap<String, String> form, Class<T> type) {
        Validation v = Validation.start();
        T value = build(form, type, "", v);
        v.throwIfInvalid();
        return value;
    }

    private static <T> T build(MultiValueMap<String, String> form, Class<T> type, String prefix, Validation v) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            String name = prefix + c.getName();
            if (c.getType().isRecord()) {
                args[i] = build(form, c.getType(), name + ".", v);
            } else if (Collection.class.isAssignableFrom(c.getType())) {
                args[i] = collection(form, name, c.getType(), element(c.getGenericType()), v);
            } else {
                args[i] = scalar(first(form, name), c.getType(), name, v);
            }
        }
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getName() + " from a form", e);
        }
    }

    private static Object collection(MultiValueMap<String, String> form, String name, Class<?> type, Class<?> element,
            Validation v) {
        List<String> raw = form.getOrDefault(name, List.of());
        List<Object> values = new ArrayList<>();
        for (String r : raw) {
            if (r != null && !r.isBlank()) {
                values.add(scalar(r, element, name, v));
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        return Set.class.isAssignableFrom(type) ? new LinkedHashSet<>(values) : values;
    }

    private static String first(MultiValueMap<String, String> form, String name) {
        List<String> values = form.get(name);
        if (values == null) {
            return null;
        }
        return values.stream().filter(s -> s != null && !s.isBlank()).findFirst().orElse(null);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object scalar(String raw, Class<?> type, String name, Validation v) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.trim();
        try {
            if (type == String.class) {
                return raw;
            }
            if (type == Boolean.class || type == boolean.class) {
                return switch (s.toLowerCase(Locale.ROOT)) {
                    case "true", "on", "yes", "1" -> Boolean.TRUE;
                    case "false", "off", "no", "0" -> Boolean.FALSE;
                    default -> {
                        v.add(name, "请选择是或否");
                        yield null;
                    }
                };
            }
            if (type == Integer.class || type == int.class) {
                return Integer.valueOf(s);
            }
            if (type == Long.class || type == long.class) {
                return Long.valueOf(s);
            }
            if (type == Double.class || type == double.class) {
                return Double.valueOf(s);
            }
            if (type == LocalDate.class) {
                return LocalDate.parse(s);
            }
            if (type.isEnum()) {
                return Enum.valueOf((Class<? extends Enum>) type, s);
            }
        } catch (NumberFormatException e) {
            v.add(name, "请输入整数");
            return null;
        } catch (DateTimeParseException e) {
            v.add(name, "日期格式应为 YYYY-MM-DD");
            return null;
        } catch (IllegalArgumentException e) {
            v.add(name, "选项「" + s + "」无效，请从列表中选择");
            return null;
        }
        throw new IllegalStateException("a form cannot fill a " + type.getName() + " (" + name + ")");
    }

    private static Class<?> element(Type generic) {
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return String.class;
    }
}
