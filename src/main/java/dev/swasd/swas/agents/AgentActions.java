package dev.swasd.swas.agents;

import dev.swasd.api.Call;
import dev.swasd.api.swasopen.SwasOpenApi;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeCloudAssistantAttributesRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeCloudAssistantStatusRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeCloudMonitorAgentStatusesRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeSecurityAgentStatusRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.InstallCloudAssistantRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.InstallCloudMonitorAgentRequest;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeCloudAssistantAttributesResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeCloudAssistantAttributesResponse.CloudAssistant;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeCloudAssistantStatusResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeCloudAssistantStatusResponse.CloudAssistantStatus;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeCloudMonitorAgentStatusesResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeCloudMonitorAgentStatusesResponse.InstanceStatusList;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeSecurityAgentStatusResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.InstallCloudAssistantResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.InstallCloudMonitorAgentResponse;
import dev.swasd.store.InstanceRecord;
import dev.swasd.store.Tx;
import dev.swasd.swas.Caller;
import dev.swasd.swas.Lifecycle;
import dev.swasd.swas.Paging;
import dev.swasd.swas.Shapes;
import dev.swasd.swas.SwasErrors;
import dev.swasd.swas.instances.InstanceService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The agents on a server (spec/swas-breadth.md G8, G9): Cloud Assistant (DescribeCloudAssistantStatus,
 * DescribeCloudAssistantAttributes, InstallCloudAssistant), the CloudMonitor agent
 * (DescribeCloudMonitorAgentStatuses, InstallCloudMonitorAgent) and the Security Center agent
 * (DescribeSecurityAgentStatus). Cloud Assistant and Security Center come with every server and follow its
 * state ({@link CloudAssistantAgent#online}); the CloudMonitor agent is installed on request ({@link MonitorAgents}).
 */
public final class AgentActions implements SwasOpenApi {
    static final int PAGE_SIZE_DEFAULT = 10;
    static final int PAGE_SIZE_MAX = 50;
    /** Servers one InstallCloudAssistant may name: ECS's documented limit for its action of the same name. */
    static final int INSTALL_MAX = 20;

    private final InstanceService instances;
    private final MonitorAgents monitorAgents;
    private final AgentActivity activity;

    public AgentActions(InstanceService instances, Lifecycle lifecycle, AgentActivity activity) {
        this.instances = instances;
        this.monitorAgents = new MonitorAgents(lifecycle);
        this.activity = activity;
    }

    // ---------------------------------------------------------------- Cloud Assistant

    @Override
    public DescribeCloudAssistantStatusResponse describeCloudAssistantStatus(
            Call call, DescribeCloudAssistantStatusRequest r) {
        Paging paging = paging(r.pageNumber(), r.pageSize());
        List<InstanceRecord> servers =
                servers(call.tx(), Caller.of(call, r.regionId()), InstanceIdList.of(r.instanceIds()));
        return new DescribeCloudAssistantStatusResponse(
                paging.slice(servers).stream()
                        .map(s -> new CloudAssistantStatus(
                                s.instanceId(), CloudAssistantAgent.online(s.status(call.now()))))
                        .toList(),
                paging.number(),
                paging.size(),
                servers.size());
    }

    @Override
    public DescribeCloudAssistantAttributesResponse describeCloudAssistantAttributes(
            Call call, DescribeCloudAssistantAttributesRequest r) {
        Paging paging = paging(r.pageNumber(), r.pageSize());
        Caller caller = Caller.of(call, r.regionId());
        List<InstanceRecord> servers = servers(call.tx(), caller, InstanceIdList.of(r.instanceIds()));
        List<CloudAssistant> page = new ArrayList<>();
        for (InstanceRecord s : paging.slice(servers)) {
            boolean online = CloudAssistantAgent.online(s.status(call.now()));
            AgentActivity.Counts runs = activity.of(call.tx(), caller, s.instanceId(), call.now());
            String platform = instances.view(call.tx(), call.now(), s).image().platform();
            page.add(CloudAssistant.builder()
                    .instanceId(s.instanceId())
                    .cloudAssistantStatus(Boolean.toString(online))
                    .cloudAssistantVersion(CloudAssistantAgent.VERSION)
                    .activeTaskCount(runs.active())
                    .invocationCount(runs.invocations())
                    // the agent beats every minute while it runs; swasd keeps no history of a stopped one's last beat
                    .lastHeartbeatTime(online ? Shapes.time(Math.floorDiv(call.now(), 60_000) * 60_000) : "")
                    .lastInvokedTime(runs.lastInvokedAt() == null ? "" : Shapes.time(runs.lastInvokedAt()))
                    .oSType("Windows".equalsIgnoreCase(platform) ? "Windows" : "Linux")
                    .supportSessionManager(true)
                    .build());
        }
        return new DescribeCloudAssistantAttributesResponse(page, paging.number(), paging.size(), servers.size());
    }

    /**
     * The agent is pre-installed and cannot be removed through the API, so installing it again changes
     * nothing (and needs no RebootInstance after it, which the page advises for a real install); every server
     * must be the caller's (404) and Running (403), as installing needs a running system; at most 20 servers.
     */
    @Override
    public InstallCloudAssistantResponse installCloudAssistant(Call call, InstallCloudAssistantRequest r) {
        Caller caller = Caller.of(call, r.regionId());
        List<String> ids = InstanceIdList.of(r.instanceIds(), INSTALL_MAX);
        if (ids == null || ids.isEmpty()) {
            throw SwasErrors.invalidParam("InstanceIds", "it must name at least one server.");
        }
        for (String id : ids) {
            instances.require(call.tx(), caller, id);
        }
        for (String id : ids) {
            requireRunning(call, caller, id);
        }
        return new InstallCloudAssistantResponse();
    }

    // ---------------------------------------------------------------- CloudMonitor agent

    @Override
    public DescribeCloudMonitorAgentStatusesResponse describeCloudMonitorAgentStatuses(
            Call call, DescribeCloudMonitorAgentStatusesRequest r) {
        Caller caller = Caller.of(call, r.regionId());
        List<InstanceRecord> servers = servers(call.tx(), caller, distinct(r.instanceIds()));
        return new DescribeCloudMonitorAgentStatusesResponse(servers.stream()
                .map(s -> new InstanceStatusList(
                        false,
                        s.instanceId(),
                        monitorAgents
                                .status(call.tx(), s.instanceId(), s.status(call.now()), call.now())
                                .wire()))
                .toList());
    }

    @Override
    public InstallCloudMonitorAgentResponse installCloudMonitorAgent(Call call, InstallCloudMonitorAgentRequest r) {
        Caller caller = Caller.of(call, r.regionId());
        InstanceRecord server = requireRunning(call, caller, r.instanceId());
        monitorAgents.install(
                call.tx(),
                caller.accountId(),
                caller.regionId(),
                server.instanceId(),
                Boolean.TRUE.equals(r.force()),
                call.now());
        return new InstallCloudMonitorAgentResponse();
    }

    // ---------------------------------------------------------------- Security Center agent

    @Override
    public DescribeSecurityAgentStatusResponse describeSecurityAgentStatus(
            Call call, DescribeSecurityAgentStatusRequest r) {
        InstanceRecord server = instances.require(call.tx(), Caller.of(call, r.regionId()), r.instanceId());
        return new DescribeSecurityAgentStatusResponse(
                SecurityAgentStatus.of(server.status(call.now())).wire());
    }

    // ---------------------------------------------------------------- shared

    private InstanceRecord requireRunning(Call call, Caller caller, String instanceId) {
        InstanceRecord server = instances.require(call.tx(), caller, instanceId);
        if (!CloudAssistantAgent.online(server.status(call.now()))) {
            throw SwasErrors.incorrectInstanceStatus();
        }
        return server;
    }

    /**
     * The caller's servers in the region: all of them, newest first, or those named, in the order named;
     * a named id that is not one of the caller's servers is left out.
     */
    private List<InstanceRecord> servers(Tx tx, Caller caller, List<String> ids) {
        List<InstanceRecord> all = instances.all(tx, caller);
        if (ids == null) {
            return all;
        }
        Map<String, InstanceRecord> byId =
                all.stream().collect(Collectors.toMap(InstanceRecord::instanceId, Function.identity()));
        return ids.stream().filter(byId::containsKey).map(byId::get).toList();
    }

    private static List<String> distinct(List<String> ids) {
        return ids == null ? List.of() : ids.stream().distinct().toList();
    }

    private static Paging paging(Long pageNumber, Long pageSize) {
        if (pageNumber != null && pageNumber < 1) {
            throw SwasErrors.invalidParam("PageNumber", "it must be 1 or more.");
        }
        if (pageSize != null && (pageSize < 1 || pageSize > PAGE_SIZE_MAX)) {
            throw SwasErrors.invalidParam("PageSize", "it must be from 1 to " + PAGE_SIZE_MAX + ".");
        }
        return Paging.of(pageNumber, pageSize, PAGE_SIZE_DEFAULT);
    }
}
