package cn.yousu.identity;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo accounts of README, all with password {@code demo1234}; only in the demo profile. */
@Component
@Profile("demo")
@Order(20)
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "demo1234";
    private static final Set<Role> OFFICE = EnumSet.of(Role.INTAKE, Role.DISPATCHER, Role.REVIEWER, Role.VISITOR,
            Role.SUPERVISOR);

    private final UserAccounts accounts;

    DemoAccounts(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        account("admin", "系统管理员", "SYSTEM", EnumSet.of(Role.ADMIN));
        account("office", "王受理（市营商办）", "SF-YSB", OFFICE);
        account("leader", "刘市长", "SF-GOV", EnumSet.of(Role.LEADER));
        account("scjg", "陈经办（市市场监管局）", "SF-SCJG", EnumSet.of(Role.HANDLER));
        account("scjg-head", "黄局长（市市场监管局）", "SF-SCJG", EnumSet.of(Role.UNIT_HEAD));
        account("sw", "周经办（市税务局）", "SF-SW", EnumSet.of(Role.HANDLER));
        account("sw-head", "林局长（市税务局）", "SF-SW", EnumSet.of(Role.UNIT_HEAD));
        account("zj", "吴经办（市住建局）", "SF-ZJ", EnumSet.of(Role.HANDLER));
        account("zj-head", "马局长（市住建局）", "SF-ZJ", EnumSet.of(Role.UNIT_HEAD));
        account("dc-office", "李受理（东城区营商办）", "SF-DC-YSB", OFFICE);
        account("dc-scjg", "何经办（东城区市场监管局）", "SF-DC-SCJG", EnumSet.of(Role.HANDLER));
        account("dc-scjg-head", "罗局长（东城区市场监管局）", "SF-DC-SCJG", EnumSet.of(Role.UNIT_HEAD));
    }

    private void account(String username, String name, String org, Set<Role> roles) {
        if (accounts.find(username).isEmpty()) {
            accounts.create(new UserAccounts.AccountDraft(username, name, org, roles, null,
                    username + "@demo.yousu.local", PASSWORD, true));
        }
    }
}
