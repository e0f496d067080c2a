package dev.swasd.swas.agents;

import dev.swasd.store.Tx;
import dev.swasd.swas.Caller;

/**
 * What the Cloud Assistant agent of a server has been given to run, as DescribeCloudAssistantAttributes
 * reports it: the command family answers it from its execution records.
 */
@FunctionalInterface
public interface AgentActivity {
    /**
     * @param active        runs on the server still Pending or Running
     * @param invocations   runs on the server among the records kept
     * @param lastInvokedAt when the latest of them was invoked, epoch milliseconds; null for none
     */
    record Counts(int active, int invocations, Long lastInvokedAt) {}

    Counts of(Tx tx, Caller caller, String instanceId, long now);
}
