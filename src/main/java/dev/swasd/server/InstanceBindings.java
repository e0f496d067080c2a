package dev.swasd.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swasd.protocol.ValidatedParams;
import dev.swasd.store.DiskRecord;
import dev.swasd.store.InstanceRecord;
import dev.swasd.store.TagRecord;
import dev.swasd.store.TagRepository;
import dev.swasd.store.Tx;
import dev.swasd.swas.Caller;
import dev.swasd.swas.InstanceService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Wire shapes of the server actions: CreateInstances, ListInstances, power, ResetSystem, ListDisks. */
final class InstanceBindings {
    private static final String P = SwasBindings.PRODUCT;

    private InstanceBindings() {
    }

    static void register(ActionRegistry r, InstanceService instances, TagRepository tags) {
        r.add(P, "CreateInstances", (ctx, p, tx) -> {
            List<String> ids = instances.create(tx, ctx.now(), caller(ctx, p), new InstanceService.CreateInstances(
                    p.string("ImageId"), p.string("PlanId"), p.integer("Period"), p.integer("Amount"),
                    Boolean.TRUE.equals(p.bool("AutoRenew")), p.integer("AutoRenewPeriod"), p.integer("DataDiskSize"),
                    p.string("ChargeType")));
            ObjectNode out = Wire.object();
            ids.forEach(out.putArray("InstanceIds")::add);
            return out;
        });
        r.add(P, "ListInstances", (ctx, p, tx) -> {
            List<InstanceRecord> all = filter(tx, ctx, p, instances, tags);
            Wire.Paging paging = Wire.Paging.of(p, 10);
            ObjectNode out = Wire.object();
            ArrayNode list = out.putArray("Instances");
            for (InstanceRecord rec : paging.slice(all)) {
                instance(list.addObject(), instances.view(tx, ctx.now(), rec));
            }
            Wire.page(out, paging, all.size());
            return out;
        });
        r.add(P, "ListInstanceStatus", (ctx, p, tx) -> {
            List<InstanceRecord> all = instances.all(tx, caller(ctx, p));
            List<String> ids = p.strings("InstanceIds");
            if (ids != null) {
                all = all.stream().filter(i -> ids.contains(i.instanceId())).toList();
            }
            Wire.Paging paging = Wire.Paging.of(p, 10);
            ObjectNode out = Wire.object();
            ArrayNode list = out.putArray("InstanceStatuses");
            for (InstanceRecord rec : paging.slice(all)) {
                list.addObject().put("InstanceId", rec.instanceId()).put("Status", rec.status(ctx.now()));
            }
            Wire.page(out, paging, all.size());
            return out;
        });
        power(r, instances, "StartInstance", InstanceService.Power.START);
        power(r, instances, "StartInstances", InstanceService.Power.START);
        power(r, instances, "StopInstance", InstanceService.Power.STOP);
        power(r, instances, "StopInstances", InstanceService.Power.STOP);
        power(r, instances, "RebootInstance", InstanceService.Power.REBOOT);
        power(r, instances, "RebootInstances", InstanceService.Power.REBOOT);
        r.add(P, "UpdateInstanceAttribute", (ctx, p, tx) -> {
            instances.rename(tx, ctx.now(), caller(ctx, p), p.string("InstanceId"), p.string("InstanceName"),
                    p.string("Password"));
            return Wire.object();
        });
        r.add(P, "ResetSystem", (ctx, p, tx) -> {
            Map<String, String> login = p.object("LoginCredentials");
            instances.reset(tx, ctx.now(), caller(ctx, p), p.string("InstanceId"), p.string("ImageId"),
                    login == null ? null : login.get("Password"));
            return Wire.object();
        });
        r.add(P, "ListDisks", (ctx, p, tx) -> {
            Caller caller = caller(ctx, p);
            List<DiskRecord> all = new ArrayList<>(instances.disks(tx, caller));
            List<String> ids = p.strings("DiskIds");
            all.removeIf(d -> ids != null && !ids.contains(d.diskId()));
            all.removeIf(d -> p.string("InstanceId") != null && !d.instanceId().equals(p.string("InstanceId")));
            all.removeIf(d -> p.string("DiskType") != null && !d.diskType().equalsIgnoreCase(p.string("DiskType")));
            all.removeIf(d -> p.string("ResourceGroupId") != null
                    && !p.string("ResourceGroupId").equals(d.resourceGroupId()));
            List<Map<String, String>> tagFilter = p.objects("Tag");
            Map<String, List<TagRecord>> diskTags = new java.util.HashMap<>();
            for (TagRecord t : tags.tagsOf(tx, "disk", all.stream().map(DiskRecord::diskId).toList())) {
                diskTags.computeIfAbsent(t.resourceId(), k -> new ArrayList<>()).add(t);
            }
            all.removeIf(d -> !matches(diskTags.getOrDefault(d.diskId(), List.of()), tagFilter));
            Map<String, String> names = instances.instanceNames(tx, caller);
            Wire.Paging paging = Wire.Paging.of(p, 10);
            ObjectNode out = Wire.object();
            ArrayNode list = out.putArray("Disks");
            for (DiskRecord d : paging.slice(all)) {
                ObjectNode o = disk(list.addObject(), d);
                o.put("InstanceId", d.instanceId()).put("InstanceName", names.getOrDefault(d.instanceId(), ""));
                Wire.tags(o.putArray("Tags"), diskTags.getOrDefault(d.diskId(), List.of()));
            }
            Wire.page(out, paging, all.size());
            return out;
        });
    }

    private static void power(ActionRegistry r, InstanceService instances, String action, InstanceService.Power what) {
        boolean batch = action.endsWith("s");
        r.add(P, action, (ctx, p, tx) -> {
            List<String> ids = batch ? p.strings("InstanceIds") : List.of(p.string("InstanceId"));
            instances.power(tx, ctx.now(), caller(ctx, p), ids, what);
            return Wire.object();
        });
    }

    private static List<InstanceRecord> filter(Tx tx, CallContext ctx, ValidatedParams p, InstanceService instances,
            TagRepository tags) {
        List<InstanceRecord> all = new ArrayList<>(instances.all(tx, caller(ctx, p)));
        List<String> ids = p.strings("InstanceIds");
        List<String> ips = p.strings("PublicIpAddresses");
        all.removeIf(i -> ids != null && !ids.contains(i.instanceId()));
        all.removeIf(i -> ips != null && !ips.contains(i.publicIp()));
        String name = p.string("InstanceName");
        if (name != null) {
            String regex = java.util.regex.Pattern.quote(name).replace("*", "\\E.*\\Q");
            all.removeIf(i -> !i.instanceName().matches(regex));
        }
        all.removeIf(i -> p.string("Status") != null && !p.string("Status").equals(i.status(ctx.now())));
        all.removeIf(i -> p.string("ChargeType") != null && !p.string("ChargeType").equals(i.chargeType()));
        all.removeIf(i -> p.string("PlanType") != null && !p.string("PlanType").equals("NORMAL"));
        all.removeIf(i -> p.string("ResourceGroupId") != null
                && !p.string("ResourceGroupId").equals(i.resourceGroupId()));
        List<Map<String, String>> tagFilter = p.objects("Tag");
        if (tagFilter != null) {
            all.removeIf(i -> !matches(tags.tagsOf(tx, "instance", i.instanceId()), tagFilter));
        }
        return all;
    }

    /** Every filter tag present with its value (an absent or empty filter value matches any value). */
    static boolean matches(List<TagRecord> tags, List<Map<String, String>> filter) {
        if (filter == null) {
            return true;
        }
        for (Map<String, String> f : filter) {
            String value = f.get("Value");
            boolean found = tags.stream().anyMatch(t -> t.key().equals(f.get("Key"))
                    && (value == null || value.isEmpty() || Objects.equals(t.value(), value)));
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static void instance(ObjectNode o, InstanceService.InstanceView v) {
        InstanceRecord r = v.record();
        o.put("InstanceId", r.instanceId())
                .put("InstanceName", r.instanceName())
                .put("Status", v.status())
                .put("BusinessStatus", "Normal")
                .put("DisableReason", "")
                .put("DdosStatus", "Normal")
                .put("ChargeType", r.chargeType())
                .put("CreationTime", Wire.time(r.createdAt()))
                .put("ExpiredTime", Wire.time(r.expiredAt()))
                .put("RegionId", r.regionId())
                .put("PlanId", r.planId())
                .put("PlanType", v.plan().planType())
                .put("ImageId", r.imageId())
                .put("PublicIpAddress", r.publicIp())
                .put("InnerIpAddress", r.innerIp())
                .put("ResourceGroupId", r.resourceGroupId() == null ? "" : r.resourceGroupId())
                .put("Uuid", r.instanceId())
                .put("Combination", false)
                .put("CombinationInstanceId", "");
        o.putObject("Image")
                .put("ImageName", v.image().imageName())
                .put("ImageType", v.image().imageType())
                .put("ImageVersion", v.image().version())
                .put("OsType", v.image().platform())
                .put("ImageIconUrl", "")
                .put("ImageContact", "");
        o.putArray("NetworkAttributes").addObject()
                .put("PublicIpAddress", r.publicIp())
                .put("PrivateIpAddress", r.innerIp())
                .put("PeakBandwidth", v.plan().bandwidth())
                .put("PublicIpDdosStatus", "Normal");
        ObjectNode spec = o.putObject("ResourceSpec")
                .put("Cpu", v.plan().core())
                .put("DiskSize", v.plan().diskSize())
                .put("DiskCategory", v.plan().diskType())
                .put("Bandwidth", v.plan().bandwidth())
                .put("Flow", v.plan().flow());
        if (v.plan().memory() == Math.rint(v.plan().memory())) {
            spec.put("Memory", (int) v.plan().memory());
        } else {
            spec.put("Memory", v.plan().memory());
        }
        ArrayNode disks = o.putArray("Disks");
        for (DiskRecord d : v.disks()) {
            disk(disks.addObject(), d).putArray("DiskTags");
        }
        Wire.tags(o.putArray("Tags"), v.tags());
    }

    private static ObjectNode disk(ObjectNode o, DiskRecord d) {
        return o.put("DiskId", d.diskId())
                .put("DiskName", d.diskName())
                .put("DiskType", d.diskType())
                .put("Category", d.category())
                .put("Size", d.sizeGib())
                .put("Status", "In_use")
                .put("Device", d.device())
                .put("DiskChargeType", "PrePaid")
                .put("RegionId", d.regionId())
                .put("Remark", "")
                .put("CreationTime", Wire.time(d.createdAt()))
                .put("ResourceGroupId", d.resourceGroupId() == null ? "" : d.resourceGroupId());
    }

    static Caller caller(CallContext ctx, ValidatedParams p) {
        return ctx.caller(p.string("RegionId"));
    }
}
