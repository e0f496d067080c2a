package dev.swasd.swas;

import dev.swasd.errors.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The regions this server offers. The default list is documented in docs/regions-plans-images.md. */
public final class Regions {
    private final Map<String, Region> byId = new LinkedHashMap<>();

    public Regions(List<Region> regions) {
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("at least one region is needed");
        }
        regions.forEach(r -> byId.put(r.regionId(), r));
    }

    public static Regions defaults() {
        return new Regions(List.of(
                region("cn-qingdao", "华北1（青岛）", "China (Qingdao)"),
                region("cn-beijing", "华北2（北京）", "China (Beijing)"),
                region("cn-zhangjiakou", "华北3（张家口）", "China (Zhangjiakou)"),
                region("cn-huhehaote", "华北5（呼和浩特）", "China (Hohhot)"),
                region("cn-wulanchabu", "华北6（乌兰察布）", "China (Ulanqab)"),
                region("cn-hangzhou", "华东1（杭州）", "China (Hangzhou)"),
                region("cn-shanghai", "华东2（上海）", "China (Shanghai)"),
                region("cn-shenzhen", "华南1（深圳）", "China (Shenzhen)"),
                region("cn-heyuan", "华南2（河源）", "China (Heyuan)"),
                region("cn-guangzhou", "华南3（广州）", "China (Guangzhou)"),
                region("cn-chengdu", "西南1（成都）", "China (Chengdu)"),
                region("cn-hongkong", "中国香港", "China (Hong Kong)"),
                region("ap-southeast-1", "新加坡", "Singapore"),
                region("ap-southeast-3", "马来西亚（吉隆坡）", "Malaysia (Kuala Lumpur)"),
                region("ap-southeast-5", "印度尼西亚（雅加达）", "Indonesia (Jakarta)"),
                region("ap-northeast-1", "日本（东京）", "Japan (Tokyo)"),
                region("us-west-1", "美国（硅谷）", "US (Silicon Valley)"),
                region("us-east-1", "美国（弗吉尼亚）", "US (Virginia)"),
                region("eu-central-1", "德国（法兰克福）", "Germany (Frankfurt)"),
                region("eu-west-1", "英国（伦敦）", "UK (London)")));
    }

    public static Region region(String id, String zh, String en) {
        return new Region(id, zh, en, "swas." + id + ".aliyuncs.com");
    }

    public List<Region> all() {
        return List.copyOf(byId.values());
    }

    public boolean contains(String regionId) {
        return byId.containsKey(regionId);
    }

    /** Hong Kong and regions abroad are not mainland China; the OS-switch rule of ResetSystem depends on it. */
    public boolean isMainlandChina(String regionId) {
        return regionId.startsWith("cn-") && !regionId.equals("cn-hongkong");
    }

    /** Every regional action checks its RegionId here first. */
    public Region require(String regionId) {
        Region r = byId.get(regionId);
        if (r == null) {
            throw new ApiException(400, "InvalidRegionId", "The specified RegionId does not exist.");
        }
        return r;
    }
}
