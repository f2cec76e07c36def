package cn.yousu.identity;

import java.io.Serializable;
import java.security.Principal;

/**
 * What a page session keeps about the signed-in user: the user name only. The {@link Actor} (organisation, roles)
 * is looked up again for each request, so that a changed or disabled account takes effect without a new sign-in.
 */
record SessionUser(String username) implements Principal, Serializable {

    @Override
    public String getName() {
        return username;
    }
}
