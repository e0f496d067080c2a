package dev.swasd.swas.monitoring;

/**
 * The metrics DescribeMonitorData serves (spec/swas-breadth.md G9), each with its unit and the statistic its
 * points carry: a gauge answers Average, Maximum and Minimum over the period, a counter (FLOW_USED) the Sum.
 */
public enum Metric {
    MEMORY_ACTUALUSEDSPACE("bytes", false),
    DISKUSAGE_USED("bytes", false),
    CPU_UTILIZATION("%", false),
    VPC_PUBLICIP_INTERNETOUT_RATE("bits/s", false),
    VPC_PUBLICIP_INTERNETIN_RATE("bits/s", false),
    DISK_READ_IOPS("count/s", false),
    DISK_WRITE_IOPS("count/s", false),
    FLOW_USED("bytes", true);

    /** FLOW_USED's fixed period: one hour [doc]. */
    public static final long FLOW_PERIOD_SECONDS = 3600;

    private final String unit;
    private final boolean counter;

    Metric(String unit, boolean counter) {
        this.unit = unit;
        this.counter = counter;
    }

    public String unit() {
        return unit;
    }

    /** True for a metric whose point is the amount within the period (FLOW_USED), false for a gauge. */
    public boolean counter() {
        return counter;
    }

    /** The metric of this name, or null. */
    public static Metric named(String name) {
        for (Metric m : values()) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        return null;
    }
}
