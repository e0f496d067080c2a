package dev.swasd.swas.agents;

/**
 * The CloudMonitor agent's documented statuses (DescribeCloudMonitorAgentStatuses), with their wire
 * spelling ({@code install_faild} as documented). swasd produces {@link #NOT_INSTALLED}, {@link #INSTALLING},
 * {@link #RUNNING} and {@link #STOPPED}; an install never fails and an agent never turns abnormal here.
 */
public enum MonitorAgentStatus {
    NOT_INSTALLED("not_installed"),
    INSTALLING("installing"),
    RUNNING("running"),
    STOPPED("stopped"),
    INSTALL_FAILED("install_faild"),
    ABNORMAL("abnormal");

    private final String wire;

    MonitorAgentStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
