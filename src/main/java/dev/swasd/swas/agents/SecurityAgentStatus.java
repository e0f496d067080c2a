package dev.swasd.swas.agents;

/**
 * The Security Center agent's documented client statuses (DescribeSecurityAgentStatus). The agent comes with
 * every server: {@link #ONLINE} while the server runs, {@link #OFFLINE} otherwise. {@link #PAUSE} (protection
 * paused by the user in Security Center) is never produced: no swas-open action pauses it.
 */
public enum SecurityAgentStatus {
    PAUSE("pause"),
    ONLINE("online"),
    OFFLINE("offline");

    private final String wire;

    SecurityAgentStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The agent of a server in {@code serverStatus}. */
    public static SecurityAgentStatus of(String serverStatus) {
        return CloudAssistantAgent.online(serverStatus) ? ONLINE : OFFLINE;
    }
}
