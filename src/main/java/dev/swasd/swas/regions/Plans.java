package dev.swasd.swas.regions;

import java.util.List;
import java.util.Optional;

/** The plan catalog, the same in every region (docs/regions-plans-images.md). */
public final class Plans {
    private static final List<String> LINUX = List.of("Linux");
    private static final List<String> BOTH = List.of("Linux", "Windows");
    private final List<Plan> plans;

    public Plans(List<Plan> plans) {
        this.plans = List.copyOf(plans);
    }

    public static Plans defaults() {
        return new Plans(List.of(
                plan("swas.s1.c1m1s40b3t05", 1, 1, 40, "ESSD", 3, 500, "34", LINUX),
                plan("swas.s2.c2m1s40b3t04", 2, 1, 40, "ESSD", 3, 400, "60", LINUX),
                plan("swas.s2.c2m2s40b3t08", 2, 2, 40, "ESSD", 3, 800, "82", BOTH),
                plan("swas.s2.c2m2s50b4t10", 2, 2, 50, "ESSD", 4, 1000, "108", BOTH),
                plan("swas.s2.c2m4s60b5t12", 2, 4, 60, "ESSD", 5, 1200, "165", BOTH),
                plan("swas.s2.c2m8s80b6t15", 2, 8, 80, "ESSD", 6, 1500, "278", BOTH),
                plan("swas.s3.c4m8s80b8t20", 4, 8, 80, "ESSD", 8, 2000, "388", BOTH),
                plan("swas.s3.c4m16s100b10t25", 4, 16, 100, "ESSD", 10, 2500, "620", BOTH),
                plan("swas.s3.c8m32s160b12t30", 8, 32, 160, "ESSD", 12, 3000, "1180", BOTH),
                plan("swas.s1.c1m1s25b1t10", 1, 1, 25, "SSD", 1, 1000, "24", LINUX)));
    }

    private static Plan plan(
            String id,
            int core,
            double memory,
            int disk,
            String diskType,
            int bandwidth,
            int flow,
            String price,
            List<String> platforms) {
        return new Plan(
                id, core, memory, disk, diskType, bandwidth, flow, price, "CNY", platforms, "NORMAL", "BGP", "1");
    }

    public List<Plan> all() {
        return plans;
    }

    public Optional<Plan> find(String planId) {
        return plans.stream().filter(p -> p.planId().equals(planId)).findFirst();
    }
}
