package cn.yousu.supervision;

import cn.yousu.identity.Actor;
import cn.yousu.organization.OrganizationDirectory;
import cn.yousu.organization.Region;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the supervision page shows: the clocks in warning that the user may see (their region and below, their unit). */
@Service
public class SupervisionBoard {

    private final DeadlineClocks clocks;
    private final OrganizationDirectory directory;

    SupervisionBoard(DeadlineClocks clocks, OrganizationDirectory directory) {
        this.clocks = clocks;
        this.directory = directory;
    }

    @Transactional(readOnly = true)
    public List<DeadlineClocks.Warning> warnings(Actor actor, int limit) {
        List<String> regions = actor.inOffice() || actor.inGovernment()
                ? directory.regions().stream().map(Region::code)
                        .filter(code -> directory.isWithin(code, actor.regionCode())).toList()
                : List.of();
        String unit = actor.inUnit() ? actor.orgCode() : null;
        if (regions.isEmpty() && unit == null) {
            return List.of();
        }
        return clocks.warnings(regions, unit, limit);
    }
}
