package dev.swasd.swas.monitoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swasd.api.Call;
import dev.swasd.api.swasopen.SwasOpenApi;
import dev.swasd.api.swasopen.SwasOpenRequests.DescribeMonitorDataRequest;
import dev.swasd.api.swasopen.SwasOpenResponses.DescribeMonitorDataResponse;
import dev.swasd.store.DiskRecord;
import dev.swasd.store.InstanceRecord;
import dev.swasd.store.Tx;
import dev.swasd.swas.Caller;
import dev.swasd.swas.instances.InstanceService;
import dev.swasd.swas.regions.Plan;
import java.util.List;

/**
 * DescribeMonitorData (spec/swas-breadth.md G9): a server's series of one metric, made up deterministically
 * ({@link Series}), one point per period, paged by {@code Length} and {@code NextToken}, {@code Datapoints}
 * as JSON text in CloudMonitor's shape (docs/decisions.md, Monitoring and agents).
 */
public final class MonitoringActions implements SwasOpenApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long GIB = 1L << 30;

    private final InstanceService instances;

    public MonitoringActions(InstanceService instances) {
        this.instances = instances;
    }

    @Override
    public DescribeMonitorDataResponse describeMonitorData(Call call, DescribeMonitorDataRequest r) {
        MonitorQuery q = MonitorQuery.of(
                r.instanceId(), r.metricName(), r.period(), r.startTime(), r.endTime(), r.length(), r.nextToken());
        ServerProfile server = profile(call.tx(), call.now(), Caller.of(call, r.regionId()), r.instanceId());
        List<Datapoint> all = Series.points(
                server, q.metric(), q.periodSeconds(), q.resumeAt(), q.range().to(), call.now());
        List<Datapoint> page = all.subList(0, Math.min(all.size(), q.length()));
        String next = all.size() > q.length() ? q.tokenFor(all.get(q.length()).timestamp()) : null;
        return new DescribeMonitorDataResponse(
                render(call.accountId(), server.instanceId(), page), next, Long.toString(q.periodSeconds()));
    }

    /** What the series of one of the caller's servers are made from (404 for a server not the caller's). */
    public ServerProfile profile(Tx tx, long now, Caller caller, String instanceId) {
        InstanceRecord r = instances.require(tx, caller, instanceId);
        InstanceService.InstanceView v = instances.view(tx, now, r);
        Plan plan = v.plan();
        long disk = v.disks().stream()
                        .filter(d -> d.diskType().equals("system"))
                        .mapToLong(DiskRecord::sizeGib)
                        .findFirst()
                        .orElse(plan.diskSize())
                * GIB;
        return new ServerProfile(
                r.instanceId(),
                (long) (plan.memory() * GIB),
                disk,
                plan.bandwidth() * 1_000_000L,
                plan.flow() * GIB,
                r.createdAt(),
                r.trafficUsed());
    }

    static String render(String accountId, String instanceId, List<Datapoint> points) {
        ArrayNode out = JSON.createArrayNode();
        for (Datapoint p : points) {
            ObjectNode o = out.addObject()
                    .put("timestamp", p.timestamp())
                    .put("userId", accountId)
                    .put("instanceId", instanceId);
            switch (p) {
                case Datapoint.Counter c -> o.put("Sum", c.sum());
                case Datapoint.Gauge g ->
                    o.putPOJO("Average", g.average())
                            .putPOJO("Maximum", g.maximum())
                            .putPOJO("Minimum", g.minimum());
            }
        }
        return out.toString();
    }
}
