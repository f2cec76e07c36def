package cn.yousu.identity;

import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile no account exists at first. Started once with
 * {@code YOUSU_BOOTSTRAP_ADMIN_PASSWORD} set, the application creates the administrator {@code admin} with that
 * password; once any administrator exists the setting is ignored (and should be removed).
 */
@Component
@Order(30)
class BootstrapAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);

    private final UserAccounts accounts;
    private final String password;

    BootstrapAdministrator(UserAccounts accounts, @Value("${yousu.bootstrap.admin-password:}") String password) {
        this.accounts = accounts;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyAdministrator()) {
            if (!password.isBlank()) {
                log.warn("YOUSU_BOOTSTRAP_ADMIN_PASSWORD is set but an administrator already exists: ignored; remove it.");
            }
            return;
        }
        if (password.isBlank()) {
            log.warn("No administrator exists. Start once with YOUSU_BOOTSTRAP_ADMIN_PASSWORD=<a strong password> "
                    + "to create the account 'admin' (see README).");
            return;
        }
        accounts.create(new UserAccounts.AccountDraft("admin", "系统管理员", "SYSTEM", EnumSet.of(Role.ADMIN), null,
                null, password, true));
        log.info("Created the first administrator 'admin'. Remove YOUSU_BOOTSTRAP_ADMIN_PASSWORD now.");
    }
}
