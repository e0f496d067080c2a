package dev.swasd.swas.agents;

import dev.swasd.store.Table;
import dev.swasd.store.Transition;
import dev.swasd.store.Tx;
import dev.swasd.swas.ConcurrentChange;
import dev.swasd.swas.Lifecycle;
import java.util.Optional;

/**
 * The CloudMonitor agent of each server, kept in {@code monitor_agents} (migration V18): none until
 * InstallCloudMonitorAgent, then {@code installing} for the state delay and {@code running}. What a caller
 * sees also depends on the server: an installed agent of a server that is not Running is {@code stopped}.
 */
final class MonitorAgents {
    /** A server's agent, a row of {@code monitor_agents}. */
    record AgentRow(
            String instanceId,
            String accountId,
            String regionId,
            String status,
            String nextStatus,
            Long nextAt,
            long installedAt,
            long version) {
        Transition state() {
            return new Transition(status, nextStatus, nextAt);
        }
    }

    private final Table<AgentRow> rows = new Table<>("monitor_agents", AgentRow.class, "instanceId");
    private final Lifecycle lifecycle;

    MonitorAgents(Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** The status a caller sees for the agent of a server in {@code serverStatus}. */
    MonitorAgentStatus status(Tx tx, String instanceId, String serverStatus, long now) {
        Optional<AgentRow> row = rows.find(tx, instanceId);
        if (row.isEmpty()) {
            return MonitorAgentStatus.NOT_INSTALLED;
        }
        if (!CloudAssistantAgent.online(serverStatus)) {
            return MonitorAgentStatus.STOPPED;
        }
        return MonitorAgentStatus.valueOf(row.get().state().status(now));
    }

    /**
     * Installs the agent: {@code installing}, then {@code running} one state delay later. An agent already
     * installed (or installing) is left as it is unless {@code force}, which installs it again.
     */
    void install(Tx tx, String accountId, String regionId, String instanceId, boolean force, long now) {
        Transition t = lifecycle.toward(MonitorAgentStatus.INSTALLING.name(), MonitorAgentStatus.RUNNING.name(), now);
        Optional<AgentRow> row = rows.find(tx, instanceId);
        if (row.isEmpty()) {
            rows.insert(tx, new AgentRow(instanceId, accountId, regionId, t.stored(), t.next(), t.at(), now, 0));
        } else if (force) {
            AgentRow r = row.get();
            if (!rows.update(
                    tx,
                    new AgentRow(instanceId, accountId, regionId, t.stored(), t.next(), t.at(), now, r.version()))) {
                throw new ConcurrentChange("monitor agent " + instanceId);
            }
        }
    }
}
