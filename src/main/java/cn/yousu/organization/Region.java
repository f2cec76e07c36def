package cn.yousu.organization;

/**
 * A region of the tree. {@code path} lists the codes from the root, such as {@code /SF/SF-DC/}, so that
 * "this region and the regions below it" is a prefix test.
 */
public record Region(String code, String name, String parentCode, String path, RegionLevel level,
        String numberPrefix, String timeZone) {

    /** True when {@code other} is this region or lies below it. */
    public boolean contains(Region other) {
        return other != null && other.path().startsWith(path);
    }
}
