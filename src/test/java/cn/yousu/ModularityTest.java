package cn.yousu;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Module boundaries: every top-level package is a module; a module reaches another only through that module's
 * top-level (API) package, and no two modules depend on each other in a cycle.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(YousuApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }
}
