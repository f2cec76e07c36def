package cn.yousu.identity;

import java.util.List;

/**
 * What a module adds to the staff pages' common layout for the signed-in user: links in the navigation and badges
 * in the header (an unread count, say). Each module registers a bean; the layout shows what all of them offer.
 */
public interface StaffPages {

    /** The navigation links this module offers {@code actor} (none by default). */
    default List<NavLink> navigation(Actor actor) {
        return List.of();
    }

    /** The header badges this module shows {@code actor} (none by default). */
    default List<HeaderBadge> badges(Actor actor) {
        return List.of();
    }

    /**
     * A navigation link. {@code order} sorts the links (workbench 10, case list 20, registration 30, reports 50,
     * administration 90); {@code messageKey} names its text in the message bundles, {@code label} is the Chinese
     * text used when the bundle has no such key.
     */
    record NavLink(int order, String messageKey, String label, String href) {
    }

    /**
     * A badge in the page header, such as the unread notifications: {@code count} is shown on it, {@code tone}
     * is {@code info}, {@code warning} or {@code danger}.
     */
    record HeaderBadge(String messageKey, String label, String href, long count, String tone) {
    }
}
