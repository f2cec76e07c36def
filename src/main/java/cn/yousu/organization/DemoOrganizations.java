package cn.yousu.organization;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo city 示范市 with two districts, their offices, the city government and a handful of units, created
 * once in the demo profile (the default when started from README).
 */
@Component
@Profile("demo")
@Order(10)
class DemoOrganizations implements ApplicationRunner {

    private final OrganizationDirectory directory;

    DemoOrganizations(OrganizationDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (directory.region("SF").isPresent()) {
            return;
        }
        directory.createRegion(new OrganizationDirectory.RegionDraft("SF", "示范市", null, RegionLevel.CITY, "SF"));
        directory.createRegion(new OrganizationDirectory.RegionDraft("SF-DC", "东城区", "SF", RegionLevel.COUNTY, "SF-DC"));
        directory.createRegion(new OrganizationDirectory.RegionDraft("SF-XC", "西城区", "SF", RegionLevel.COUNTY, "SF-XC"));
        for (Organization o : List.of(
                office("SF-YSB", "示范市营商办", "SF", "0999-12345", "王主任", "示范市人民路 1 号市民中心 3 楼"),
                office("SF-DC-YSB", "东城区营商办", "SF-DC", "0999-22345", "李科长", "东城区政务服务中心 2 楼"),
                office("SF-XC-YSB", "西城区营商办", "SF-XC", "0999-32345", "赵科长", "西城区政务服务中心 2 楼"),
                new Organization("SF-GOV", "示范市人民政府", OrganizationKind.GOVERNMENT, "SF", null, null, null,
                        "示范市人民路 1 号", null, true),
                unit("SF-SCJG", "示范市市场监督管理局", "SF", "0999-12315", "陈科长",
                        "市场监管 营业执照 登记 注册 食品 药品 价格 收费 检查 特种设备 广告 知识产权 商标 质量 计量 标准"),
                unit("SF-SW", "国家税务总局示范市税务局", "SF", "0999-12366", "周科长",
                        "税 纳税 发票 退税 减税 免税 税务 社保费 留抵"),
                unit("SF-ZJ", "示范市住房和城乡建设局", "SF", "0999-12319", "吴科长",
                        "建设 施工 工程 房屋 建筑 物业 燃气 市政 工程款 竣工 资质 图审"),
                unit("SF-ZWFW", "示范市政务服务和大数据管理局", "SF", "0999-12340", "郑科长",
                        "政务服务 窗口 审批 办事大厅 一网通办 办不成事 许可 证照"),
                unit("SF-ZRZY", "示范市自然资源和规划局", "SF", "0999-12336", "孙科长",
                        "土地 规划 不动产 用地 测绘 矿产 林地"),
                unit("SF-RS", "示范市人力资源和社会保障局", "SF", "0999-12333", "钱科长",
                        "社保 人才 劳动 就业 工资 职称 培训补贴"),
                unit("SF-FGW", "示范市发展和改革委员会", "SF", "0999-12358", "冯科长",
                        "项目 立项 备案 价格 能耗 优惠政策 招投标 公共资源"),
                unit("SF-DC-SCJG", "东城区市场监督管理局", "SF-DC", "0999-22315", "何所长",
                        "市场监管 营业执照 登记 食品 价格 收费 检查 个体工商户"),
                unit("SF-DC-ZJ", "东城区住房和城乡建设局", "SF-DC", "0999-22319", "吕科长",
                        "建设 施工 工程 房屋 物业 工程款"),
                unit("SF-XC-SCJG", "西城区市场监督管理局", "SF-XC", "0999-32315", "施所长",
                        "市场监管 营业执照 登记 食品 价格 收费 检查 个体工商户"))) {
            directory.saveOrganization(o);
        }
    }

    private static Organization office(String code, String name, String region, String phone, String contact,
            String address) {
        return new Organization(code, name, OrganizationKind.OFFICE, region, phone, contact, phone, address,
                "营商环境 投诉 受理 交办 督办", true);
    }

    private static Organization unit(String code, String name, String region, String phone, String contact,
            String duties) {
        return new Organization(code, name, OrganizationKind.UNIT, region, phone, contact, phone, null, duties, true);
    }
}
