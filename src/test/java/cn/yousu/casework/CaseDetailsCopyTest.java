package cn.yousu.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The listeners of an action compare the case before and after it, so the copy taken before must hold every part of
 * the details and must not share a list the action then appends to. A field added to CaseDetails and forgotten in
 * {@code copy()} fails here.
 */
class CaseDetailsCopyTest {

    @Test
    void theCopyHoldsEveryFieldAndListsOfItsOwn() throws Exception {
        CaseDetails original = new CaseDetails();
        List<Field> fields = new ArrayList<>();
        for (Field f : CaseDetails.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            f.setAccessible(true);
            fields.add(f);
            f.set(original, sample(f));
        }
        assertThat(fields).hasSizeGreaterThan(20);
        CaseDetails copy = original.copy();
        for (Field f : fields) {
            assertThat(f.get(copy)).as(f.getName()).isEqualTo(f.get(original));
            if (List.class.isAssignableFrom(f.getType())) {
                assertThat(f.get(copy)).as(f.getName() + " is a list of its own").isNotSameAs(f.get(original));
            }
        }
    }

    /** A value of the field's type that a fresh CaseDetails does not hold. */
    private static Object sample(Field f) throws Exception {
        Class<?> type = f.getType();
        if (List.class.isAssignableFrom(type)) {
            List<Object> list = new ArrayList<>();
            list.add("sample-" + f.getName());
            return list;
        }
        if (type == String.class) {
            return "sample-" + f.getName();
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[type.getEnumConstants().length - 1];
        }
        if (type.isRecord()) {
            RecordComponent[] parts = type.getRecordComponents();
            Object[] args = new Object[parts.length];
            Class<?>[] types = new Class<?>[parts.length];
            for (int i = 0; i < parts.length; i++) {
                types[i] = parts[i].getType();
                args[i] = types[i] == String.class ? "sample-" + f.getName() + i : defaultOf(types[i]);
            }
            var constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        }
        throw new AssertionError("no sample for " + f.getName() + " of " + type);
    }

    private static Object defaultOf(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 1;
        }
        if (type == long.class) {
            return 1L;
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        return null;
    }
}
