package dev.swasd.swas.instances;

import dev.swasd.api.Call;
import dev.swasd.api.swasopen.SwasOpenApi;
import dev.swasd.api.swasopen.SwasOpenRequests.CreateDiskRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.CreateInstancesRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.ListDisksRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.ListInstancePlansModificationRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.ListInstanceStatusRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.ListInstancesRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.ListInstancesTrafficPackagesRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.RebootInstanceRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.RebootInstancesRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.RenewInstanceRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.ResetDiskRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.ResetSystemRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.StartInstanceRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.StartInstancesRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.StopInstanceRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.StopInstancesRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.UpdateDiskAttributeRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.UpdateInstanceAttributeRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.UpgradeInstanceRequest;
import dev.swasd.api.swasopen.SwasOpenResponses.CreateDiskResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.CreateInstancesResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.ListDisksResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.ListInstancePlansModificationResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.ListInstanceStatusResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.ListInstanceStatusResponse.InstanceStatus;
import dev.swasd.api.swasopen.SwasOpenResponses.ListInstancesResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.ListInstancesResponse.Instance;
import dev.swasd.api.swasopen.SwasOpenResponses.ListInstancesTrafficPackagesResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.ListInstancesTrafficPackagesResponse.InstanceTrafficPackageUsage;
import dev.swasd.api.swasopen.SwasOpenResponses.RebootInstanceResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.RebootInstancesResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.RenewInstanceResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.ResetDiskResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.ResetSystemResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.StartInstanceResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.StartInstancesResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.StopInstanceResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.StopInstancesResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.UpdateDiskAttributeResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.UpdateInstanceAttributeResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.UpgradeInstanceResponse;
import dev.swasd.store.DiskRecord;
import dev.swasd.store.InstanceRecord;
import dev.swasd.store.TagRecord;
import dev.swasd.store.TagRepository;
import dev.swasd.swas.Caller;
import dev.swasd.swas.Paging;
import dev.swasd.swas.ResourceModule;
import dev.swasd.swas.ResourceType;
import dev.swasd.swas.Shapes;
import dev.swasd.swas.regions.Plan;
import dev.swasd.swas.regions.RegionActions;
import dev.swasd.swas.tags.TagFilters;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Servers and their disks: CreateInstances, ListInstances, power, ResetSystem, plans and billing
 * (UpgradeInstance, RenewInstance, ListInstancePlansModification, ListInstancesTrafficPackages),
 * ListDisks, ResetDisk and UpdateDiskAttribute.
 */
public final class InstanceActions implements SwasOpenApi, ResourceModule {
    private final InstanceService instances;
    private final DiskService disks;
    private final TagRepository tags;
    private final LoginKeys loginKeys;

    /**
     * Puts an account key pair in a re-installed server's key slot (ResetSystem's
     * {@code LoginCredentials.KeyPairName}); the key-pair family implements it.
     */
    @FunctionalInterface
    public interface LoginKeys {
        void use(Call call, Caller caller, String instanceId, String keyPairName);
    }

    public InstanceActions(InstanceService instances, DiskService disks, TagRepository tags, LoginKeys loginKeys) {
        this.instances = instances;
        this.disks = disks;
        this.tags = tags;
        this.loginKeys = loginKeys;
    }

    @Override
    public List<ResourceType> resourceTypes() {
        return List.of(InstanceService.INSTANCE, InstanceService.DISK);
    }

    @Override
    public CreateInstancesResponse createInstances(Call call, CreateInstancesRequest r) {
        return new CreateInstancesResponse(instances.create(
                call.tx(),
                call.now(),
                Caller.of(call, r.regionId()),
                new InstanceService.CreateInstances(
                        r.imageId(),
                        r.planId(),
                        r.period(),
                        r.amount(),
                        Boolean.TRUE.equals(r.autoRenew()),
                        r.autoRenewPeriod(),
                        r.dataDiskSize(),
                        r.chargeType())));
    }

    @Override
    public ListInstancesResponse listInstances(Call call, ListInstancesRequest r) {
        List<InstanceRecord> all = new ArrayList<>(instances.all(call.tx(), Caller.of(call, r.regionId())));
        all.removeIf(i -> r.instanceIds() != null && !r.instanceIds().contains(i.instanceId()));
        all.removeIf(
                i -> r.publicIpAddresses() != null && !r.publicIpAddresses().contains(i.publicIp()));
        if (r.instanceName() != null) {
            String regex = Pattern.quote(r.instanceName()).replace("*", "\\E.*\\Q");
            all.removeIf(i -> !i.instanceName().matches(regex));
        }
        all.removeIf(i -> r.status() != null && !r.status().equals(i.status(call.now())));
        all.removeIf(i -> r.chargeType() != null && !r.chargeType().equals(i.chargeType()));
        all.removeIf(i -> r.planType() != null && !r.planType().equals("NORMAL"));
        all.removeIf(i -> r.resourceGroupId() != null && !r.resourceGroupId().equals(i.resourceGroupId()));
        List<TagFilters.Filter> filter =
                TagFilters.of(r.tag(), ListInstancesRequest.Tag::key, ListInstancesRequest.Tag::value);
        if (filter != null) {
            Map<String, List<TagRecord>> byId = Shapes.byResource(tags.tagsOf(
                    call.tx(),
                    "instance",
                    all.stream().map(InstanceRecord::instanceId).toList()));
            all.removeIf(i -> !TagFilters.matches(byId.getOrDefault(i.instanceId(), List.of()), filter));
        }
        Paging paging = Paging.of(r.pageNumber(), r.pageSize(), 10);
        List<Instance> page = paging.slice(all).stream()
                .map(rec -> instance(instances.view(call.tx(), call.now(), rec), call.now()))
                .toList();
        return new ListInstancesResponse(page, paging.number(), paging.size(), all.size());
    }

    private static Instance instance(InstanceService.InstanceView v, long now) {
        InstanceRecord r = v.record();
        return Instance.builder()
                .instanceId(r.instanceId())
                .instanceName(r.instanceName())
                .status(v.status())
                .businessStatus("Normal")
                .disableReason("")
                .ddosStatus("Normal")
                .chargeType(r.chargeType())
                .creationTime(Shapes.time(r.createdAt()))
                .expiredTime(Shapes.time(r.expiredAt()))
                .regionId(r.regionId())
                .planId(r.planId())
                .planType(v.plan().planType())
                .imageId(r.imageId())
                .publicIpAddress(r.publicIp())
                .innerIpAddress(r.innerIp())
                .resourceGroupId(Shapes.orEmpty(r.resourceGroupId()))
                .uuid(r.instanceId())
                .combination(false)
                .combinationInstanceId("")
                .image(Instance.Image.builder()
                        .imageName(v.image().imageName())
                        .imageType(v.image().imageType())
                        .imageVersion(v.image().version())
                        .osType(v.image().platform())
                        .imageIconUrl("")
                        .imageContact("")
                        .build())
                .networkAttributes(List.of(
                        new Instance.NetworkAttribute(v.plan().bandwidth(), r.innerIp(), r.publicIp(), "Normal")))
                .resourceSpec(Instance.ResourceSpec.builder()
                        .cpu(v.plan().core())
                        .diskSize(v.plan().diskSize())
                        .diskCategory(v.plan().diskType())
                        .bandwidth(v.plan().bandwidth())
                        .flow(v.plan().flow())
                        .memory(RegionActions.wholeOrFraction(v.plan().memory()))
                        .build())
                .disks(v.disks().stream()
                        .map(d -> Instance.Disk.builder()
                                .diskId(d.diskId())
                                .diskName(d.diskName())
                                .diskType(Shapes.diskType(d.diskType()))
                                .category(d.category())
                                .size(d.sizeGib())
                                .status(d.status(now))
                                .device(d.device())
                                .diskChargeType("PrePaid")
                                .regionId(d.regionId())
                                .remark(d.remark())
                                .creationTime(Shapes.time(d.createdAt()))
                                .resourceGroupId(Shapes.orEmpty(d.resourceGroupId()))
                                .diskTags(List.of())
                                .build())
                        .toList())
                .tags(Shapes.tags(v.tags(), Instance.Tag::new))
                .build();
    }

    @Override
    public ListInstanceStatusResponse listInstanceStatus(Call call, ListInstanceStatusRequest r) {
        List<InstanceRecord> all = instances.all(call.tx(), Caller.of(call, r.regionId()));
        if (r.instanceIds() != null) {
            all = all.stream()
                    .filter(i -> r.instanceIds().contains(i.instanceId()))
                    .toList();
        }
        Paging paging = Paging.of(r.pageNumber(), r.pageSize(), 10);
        List<InstanceStatus> page = paging.slice(all).stream()
                .map(i -> new InstanceStatus(i.instanceId(), i.status(call.now())))
                .toList();
        return new ListInstanceStatusResponse(page, paging.number(), paging.size(), all.size());
    }

    @Override
    public StartInstanceResponse startInstance(Call call, StartInstanceRequest r) {
        power(call, r.regionId(), List.of(r.instanceId()), InstanceService.Power.START);
        return new StartInstanceResponse();
    }

    @Override
    public StartInstancesResponse startInstances(Call call, StartInstancesRequest r) {
        power(call, r.regionId(), r.instanceIds(), InstanceService.Power.START);
        return new StartInstancesResponse();
    }

    @Override
    public StopInstanceResponse stopInstance(Call call, StopInstanceRequest r) {
        power(call, r.regionId(), List.of(r.instanceId()), InstanceService.Power.STOP);
        return new StopInstanceResponse();
    }

    @Override
    public StopInstancesResponse stopInstances(Call call, StopInstancesRequest r) {
        power(call, r.regionId(), r.instanceIds(), InstanceService.Power.STOP);
        return new StopInstancesResponse();
    }

    @Override
    public RebootInstanceResponse rebootInstance(Call call, RebootInstanceRequest r) {
        power(call, r.regionId(), List.of(r.instanceId()), InstanceService.Power.REBOOT);
        return new RebootInstanceResponse();
    }

    @Override
    public RebootInstancesResponse rebootInstances(Call call, RebootInstancesRequest r) {
        power(call, r.regionId(), r.instanceIds(), InstanceService.Power.REBOOT);
        return new RebootInstancesResponse();
    }

    private void power(Call call, String regionId, List<String> ids, InstanceService.Power what) {
        instances.power(call.tx(), call.now(), Caller.of(call, regionId), ids, what);
    }

    @Override
    public UpdateInstanceAttributeResponse updateInstanceAttribute(Call call, UpdateInstanceAttributeRequest r) {
        instances.rename(
                call.tx(), call.now(), Caller.of(call, r.regionId()), r.instanceId(), r.instanceName(), r.password());
        return new UpdateInstanceAttributeResponse();
    }

    @Override
    public ResetSystemResponse resetSystem(Call call, ResetSystemRequest r) {
        Map<String, String> login = r.loginCredentials() == null ? Map.of() : r.loginCredentials();
        Caller caller = Caller.of(call, r.regionId());
        instances.reset(call.tx(), call.now(), caller, r.instanceId(), r.imageId(), login.get("Password"));
        String keyPairName = login.get("KeyPairName");
        if (keyPairName != null) {
            // after the re-install, so the pair is checked against the server's new image
            loginKeys.use(call, caller, r.instanceId(), keyPairName);
        }
        return new ResetSystemResponse();
    }

    @Override
    public ListDisksResponse listDisks(Call call, ListDisksRequest r) {
        Caller caller = Caller.of(call, r.regionId());
        List<DiskRecord> all = new ArrayList<>(instances.disks(call.tx(), caller));
        all.removeIf(d -> r.diskIds() != null && !r.diskIds().contains(d.diskId()));
        all.removeIf(d -> r.instanceId() != null && !d.instanceId().equals(r.instanceId()));
        all.removeIf(d -> r.diskType() != null && !d.diskType().equalsIgnoreCase(r.diskType()));
        all.removeIf(d -> r.resourceGroupId() != null && !r.resourceGroupId().equals(d.resourceGroupId()));
        Map<String, List<TagRecord>> diskTags = Shapes.byResource(tags.tagsOf(
                call.tx(), "disk", all.stream().map(DiskRecord::diskId).toList()));
        List<TagFilters.Filter> filter = TagFilters.of(r.tag(), ListDisksRequest.Tag::key, ListDisksRequest.Tag::value);
        all.removeIf(d -> !TagFilters.matches(diskTags.getOrDefault(d.diskId(), List.of()), filter));
        Map<String, String> names = instances.instanceNames(call.tx(), caller);
        Paging paging = Paging.of(r.pageNumber(), r.pageSize(), 10);
        List<ListDisksResponse.Disk> page = paging.slice(all).stream()
                .map(d -> ListDisksResponse.Disk.builder()
                        .diskId(d.diskId())
                        .diskName(d.diskName())
                        .diskType(Shapes.diskType(d.diskType()))
                        .category(d.category())
                        .size(d.sizeGib())
                        .status(d.status(call.now()))
                        .device(d.device())
                        .diskChargeType("PrePaid")
                        .regionId(d.regionId())
                        .remark(d.remark())
                        .creationTime(Shapes.time(d.createdAt()))
                        .resourceGroupId(Shapes.orEmpty(d.resourceGroupId()))
                        .instanceId(d.instanceId())
                        .instanceName(names.getOrDefault(d.instanceId(), ""))
                        .tags(Shapes.tags(
                                diskTags.getOrDefault(d.diskId(), List.of()), ListDisksResponse.Disk.Tag::new))
                        .build())
                .toList();
        return new ListDisksResponse(page, paging.number(), paging.size(), all.size());
    }

    @Override
    public CreateDiskResponse createDisk(Call call, CreateDiskRequest r) {
        Caller caller = Caller.of(call, r.regionId());
        InstanceRecord server = instances.require(call.tx(), caller, r.instanceId());
        return new CreateDiskResponse(
                disks.create(call.tx(), call.now(), caller, server, instances.diskCategory(server), r.diskSize()));
    }

    @Override
    public ResetDiskResponse resetDisk(Call call, ResetDiskRequest r) {
        disks.reset(call.tx(), call.now(), Caller.of(call, r.regionId()), r.diskId(), r.snapshotId());
        return new ResetDiskResponse();
    }

    @Override
    public UpdateDiskAttributeResponse updateDiskAttribute(Call call, UpdateDiskAttributeRequest r) {
        disks.setRemark(call.tx(), Caller.of(call, r.regionId()), r.diskId(), r.remark());
        return new UpdateDiskAttributeResponse();
    }

    @Override
    public UpgradeInstanceResponse upgradeInstance(Call call, UpgradeInstanceRequest r) {
        instances.upgrade(call.tx(), call.now(), Caller.of(call, r.regionId()), r.instanceId(), r.planId());
        return new UpgradeInstanceResponse();
    }

    @Override
    public RenewInstanceResponse renewInstance(Call call, RenewInstanceRequest r) {
        instances.renew(call.tx(), call.now(), Caller.of(call, r.regionId()), r.instanceId(), r.period());
        return new RenewInstanceResponse();
    }

    @Override
    public ListInstancePlansModificationResponse listInstancePlansModification(
            Call call, ListInstancePlansModificationRequest r) {
        List<Plan> targets = instances.upgradeTargets(call.tx(), Caller.of(call, r.regionId()), r.instanceId());
        return new ListInstancePlansModificationResponse(targets.stream()
                .map(p -> ListInstancePlansModificationResponse.Plan.builder()
                        .planId(p.planId())
                        .core(p.core())
                        .memory(RegionActions.wholeOrFraction(p.memory()))
                        .diskSize(p.diskSize())
                        .diskType(p.diskType())
                        .bandwidth(p.bandwidth())
                        .flow(p.flow())
                        .originPrice(new BigDecimal(p.originPrice()))
                        .currency(p.currency())
                        .supportPlatform(RegionActions.jsonArrayText(p.supportPlatform()))
                        .build())
                .toList());
    }

    @Override
    public ListInstancesTrafficPackagesResponse listInstancesTrafficPackages(
            Call call, ListInstancesTrafficPackagesRequest r) {
        return new ListInstancesTrafficPackagesResponse(
                instances.traffic(call.tx(), Caller.of(call, r.regionId()), r.instanceIds()).stream()
                        .map(u -> InstanceTrafficPackageUsage.builder()
                                .instanceId(u.instanceId())
                                .trafficPackageTotal(u.total())
                                .trafficUsed(u.used())
                                .trafficPackageRemaining(u.remaining())
                                .trafficOverflow(u.overflow())
                                .build())
                        .toList());
    }
}
