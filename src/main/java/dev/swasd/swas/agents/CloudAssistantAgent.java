package dev.swasd.swas.agents;

import dev.swasd.swas.instances.InstanceStatus;

/**
 * The Cloud Assistant agent: pre-installed on every server and not removable through the API
 * (spec/swas-breadth.md G4, G8), so it is online exactly while its server is Running; a server in any other
 * state (Stopped, Starting, Pending ...) has its agent offline. The command actions use the same rule.
 */
public final class CloudAssistantAgent {
    /** The agent version reported (DescribeCloudAssistantAttributes' example). */
    public static final String VERSION = "2.2.0.106";

    private CloudAssistantAgent() {}

    public static boolean online(String serverStatus) {
        return InstanceStatus.is(serverStatus, InstanceStatus.Running);
    }
}
