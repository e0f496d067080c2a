package dev.swasd.swas.instances;

import dev.swasd.store.DiskRecord;
import dev.swasd.store.ImageRepository;
import dev.swasd.store.InstanceRecord;
import dev.swasd.store.InstanceRepository;
import dev.swasd.store.TagRecord;
import dev.swasd.store.TagRepository;
import dev.swasd.store.Transition;
import dev.swasd.store.Tx;
import dev.swasd.swas.Caller;
import dev.swasd.swas.ConcurrentChange;
import dev.swasd.swas.IdFormat;
import dev.swasd.swas.Lifecycle;
import dev.swasd.swas.Quotas;
import dev.swasd.swas.Regions;
import dev.swasd.swas.ResourceType;
import dev.swasd.swas.SwasErrors;
import dev.swasd.swas.images.ImageUse;
import dev.swasd.swas.regions.Plan;
import dev.swasd.swas.regions.Plans;
import dev.swasd.swas.regions.PublicImages;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Servers: buying, listing, power state, attributes, disks, and re-installing (ResetSystem). */
public final class InstanceService {
    private static final InstanceRepository ROWS = new InstanceRepository();
    /** Servers: 32 hex characters, with transitional states (Pending, Starting, Stopping ...). */
    public static final ResourceType INSTANCE = new ResourceType(
            "instance",
            new IdFormat.Hex(16),
            (tx, c, id) -> ROWS.find(tx, c.accountId(), c.regionId(), id).isPresent(),
            InstanceRepository.TRANSITIONS);
    /** A server's disks. */
    public static final ResourceType DISK = new ResourceType(
            "disk",
            new IdFormat.Prefixed("d-", 20),
            (tx, c, id) -> ROWS.disk(tx, c.accountId(), c.regionId(), id).isPresent(),
            InstanceRepository.DISK_TRANSITIONS);

    private static final Set<Long> PERIODS = Set.of(1L, 3L, 6L, 12L, 24L, 36L);

    private final Regions regions;
    private final Plans plans;
    private final Quotas quotas;
    private final Lifecycle lifecycle;
    private final InstanceRepository instances;
    private final TagRepository tags;
    private final ImageUse imageUse;
    private Created created = (tx, now, caller, instanceId) -> {};
    private Created passwordSet = (tx, now, caller, instanceId) -> {};

    public InstanceService(
            Regions regions,
            Plans plans,
            PublicImages publicImages,
            Quotas quotas,
            Lifecycle lifecycle,
            InstanceRepository instances,
            ImageRepository images,
            TagRepository tags) {
        this.regions = regions;
        this.plans = plans;
        this.quotas = quotas;
        this.lifecycle = lifecycle;
        this.instances = instances;
        this.tags = tags;
        this.imageUse = new ImageUse(publicImages, images);
    }

    /** Told of every new server, in the transaction that makes it (the domain wires its families in). */
    public interface Created {
        void created(Tx tx, long now, Caller caller, String instanceId);
    }

    /** Sets the one hook CreateInstances calls per new server; set once, while the domain is wired. */
    public void whenCreated(Created hook) {
        this.created = hook;
    }

    /**
     * Sets the one hook told, in the same transaction, that a server's login password was set
     * (UpdateInstanceAttribute or ResetSystem with a password); set once, while the domain is wired.
     */
    public void whenPasswordSet(Created hook) {
        this.passwordSet = hook;
    }

    public record CreateInstances(
            String imageId,
            String planId,
            long period,
            long amount,
            boolean autoRenew,
            Long autoRenewPeriod,
            long dataDiskSize,
            String chargeType) {}

    /** A server as the List actions show it. */
    public record InstanceView(
            InstanceRecord record,
            String status,
            Plan plan,
            ImageUse.Source image,
            List<DiskRecord> disks,
            List<TagRecord> tags) {}

    public List<String> create(Tx tx, long now, Caller caller, CreateInstances cmd) {
        regions.require(caller.regionId());
        Plan plan = plans.find(cmd.planId()).orElseThrow(SwasErrors::planNotFound);
        if (!PERIODS.contains(cmd.period())) {
            throw SwasErrors.invalidParam("Period", "it must be one of 1, 3, 6, 12, 24, 36 (months).");
        }
        if (cmd.amount() < 1 || cmd.amount() > 20) {
            throw SwasErrors.invalidParam("Amount", "it must be from 1 to 20.");
        }
        if (cmd.autoRenew() && (cmd.autoRenewPeriod() == null || !PERIODS.contains(cmd.autoRenewPeriod()))) {
            throw SwasErrors.invalidParam("AutoRenewPeriod", "with AutoRenew it must be one of 1, 3, 6, 12, 24, 36.");
        }
        if (cmd.chargeType() != null && !cmd.chargeType().equals("PrePaid")) {
            throw SwasErrors.invalidParam("ChargeType", "the only charge type is PrePaid.");
        }
        long dataDisk = cmd.dataDiskSize();
        long minData = plan.diskType().equals("SSD") ? 20 : 40;
        if (dataDisk != 0 && (dataDisk < minData || dataDisk > 16380 || dataDisk % 20 != 0)) {
            throw SwasErrors.invalidParam(
                    "DataDiskSize", "it must be 0 or a multiple of 20 from " + minData + " to 16380 GB for this plan.");
        }
        ImageUse.Source image = imageUse.usable(tx, now, caller, cmd.imageId());
        if (!plan.supportPlatform().contains(image.platform())) {
            throw SwasErrors.imageNotUsable(
                    "The plan " + plan.planId() + " does not support " + image.platform() + " images.");
        }
        if (image.systemDiskGib() > plan.diskSize()) {
            throw SwasErrors.imageNotUsable("The image needs a system disk of " + image.systemDiskGib()
                    + " GB; the plan has " + plan.diskSize() + " GB.");
        }
        if (image.dataDiskGib() > 0 && dataDisk < image.dataDiskGib()) {
            throw SwasErrors.imageNotUsable("The image carries a data disk of " + image.dataDiskGib()
                    + " GB; DataDiskSize must be at least that.");
        }
        long existing = instances.countInRegion(tx, caller.accountId(), caller.regionId());
        if (existing + cmd.amount() > quotas.instancesPerRegion()) {
            throw SwasErrors.quotaExceeded(
                    "Instance",
                    "An account may have at most " + quotas.instancesPerRegion() + " servers in a region; it has "
                            + existing + ".");
        }
        long expires = Instant.ofEpochMilli(now)
                .atZone(ZoneOffset.UTC)
                .plusMonths(cmd.period())
                .toInstant()
                .toEpochMilli();
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < cmd.amount(); n++) {
            String id = INSTANCE.newId();
            instances.insert(
                    tx,
                    new InstanceRecord(
                            id,
                            caller.accountId(),
                            caller.regionId(),
                            image.imageName().replace(' ', '-') + "-" + id.substring(0, 4),
                            plan.planId(),
                            image.imageId(),
                            lifecycle.toward(InstanceStatus.Pending.name(), InstanceStatus.Running.name(), now),
                            "PrePaid",
                            now,
                            expires,
                            publicIp(id),
                            innerIp(id),
                            null,
                            0,
                            null,
                            0));
            instances.insertDisk(
                    tx,
                    new DiskRecord(
                            DISK.newId(),
                            caller.accountId(),
                            caller.regionId(),
                            id,
                            "System disk of " + id.substring(0, 8),
                            "system",
                            plan.diskType(),
                            plan.diskSize(),
                            "/dev/xvda",
                            now,
                            null,
                            Transition.settled(DiskStatus.In_use.name()),
                            ""));
            if (dataDisk > 0) {
                instances.insertDisk(
                        tx,
                        new DiskRecord(
                                DISK.newId(),
                                caller.accountId(),
                                caller.regionId(),
                                id,
                                "Data disk of " + id.substring(0, 8),
                                "data",
                                plan.diskType(),
                                (int) dataDisk,
                                "/dev/xvdb",
                                now,
                                null,
                                Transition.settled(DiskStatus.In_use.name()),
                                ""));
            }
            created.created(tx, now, caller, id);
            ids.add(id);
        }
        return ids;
    }

    public InstanceView view(Tx tx, long now, InstanceRecord r) {
        Plan plan = plans.find(r.planId()).orElseThrow();
        return new InstanceView(
                r,
                r.status(now),
                plan,
                imageUse.describe(tx, r.imageId()),
                instances.disksOf(tx, r.instanceId()),
                tags.tagsOf(tx, "instance", r.instanceId()));
    }

    /** Every server of the caller in its region, newest first. */
    public List<InstanceRecord> all(Tx tx, Caller caller) {
        regions.require(caller.regionId());
        return instances.list(tx, caller.accountId(), caller.regionId());
    }

    /** The disk category of the server's plan: what a data disk made for it is. */
    public String diskCategory(InstanceRecord server) {
        return plans.find(server.planId()).orElseThrow().diskType();
    }

    public InstanceRecord require(Tx tx, Caller caller, String instanceId) {
        regions.require(caller.regionId());
        return instances
                .find(tx, caller.accountId(), caller.regionId(), instanceId)
                .orElseThrow(SwasErrors::instanceNotFound);
    }

    /** Power actions: all servers must exist and allow the action, or none changes. */
    public enum Power {
        START,
        STOP,
        REBOOT
    }

    public void power(Tx tx, long now, Caller caller, List<String> instanceIds, Power action) {
        List<InstanceRecord> targets = new ArrayList<>();
        for (String id : new LinkedHashSet<>(instanceIds)) {
            targets.add(require(tx, caller, id));
        }
        for (InstanceRecord r : targets) {
            String status = r.status(now);
            boolean allowed = switch (action) {
                case START ->
                    InstanceStatus.is(status, InstanceStatus.Stopped)
                            && !DiskStatus.anyBusy(instances.disksOf(tx, r.instanceId()), now);
                case STOP, REBOOT -> InstanceStatus.is(status, InstanceStatus.Running);
            };
            if (!allowed) {
                throw SwasErrors.incorrectInstanceStatus();
            }
        }
        for (InstanceRecord r : targets) {
            InstanceStatus via = switch (action) {
                case START, REBOOT -> InstanceStatus.Starting;
                case STOP -> InstanceStatus.Stopping;
            };
            InstanceStatus to = action == Power.STOP ? InstanceStatus.Stopped : InstanceStatus.Running;
            save(tx, transition(r, now, via, to));
        }
    }

    /**
     * A server password: 8-30 characters with at least three of upper-case letters, lower-case
     * letters, digits and the special characters ()`~!@#$%^&*-_+=|{}[]:;'<>,.?/ (the console's rule).
     */
    static void checkPassword(String parameter, String password) {
        if (password == null) {
            return;
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> "()`~!@#$%^&*-_+=|{}[]:;'<>,.?/".indexOf(c) >= 0) ? 1 : 0;
        boolean allowed = password.chars().allMatch(c -> c > 32 && c < 127);
        if (password.length() < 8 || password.length() > 30 || classes < 3 || !allowed) {
            throw SwasErrors.invalidParam(
                    parameter,
                    "a password has 8-30 characters and at least three of upper-case "
                            + "letters, lower-case letters, digits and special characters.");
        }
    }

    public void rename(Tx tx, long now, Caller caller, String instanceId, String name, String password) {
        checkPassword("Password", password);
        InstanceRecord r = require(tx, caller, instanceId);
        if (name != null) {
            if (name.length() < 2 || name.length() > 128) {
                throw SwasErrors.invalidParam("InstanceName", "it must be 2 to 128 characters.");
            }
            save(tx, r.withName(name));
        }
        if (password != null) {
            passwordSet.created(tx, now, caller, instanceId);
        }
    }

    /**
     * ResetSystem: re-installs the server from its current image or the given one. A deleted,
     * unknown or foreign image is InvalidImageId.NotFound and nothing changes.
     */
    public void reset(Tx tx, long now, Caller caller, String instanceId, String imageId, String password) {
        checkPassword("LoginCredentials.Password", password);
        InstanceRecord r = require(tx, caller, instanceId);
        String status = r.status(now);
        if (!InstanceStatus.is(status, InstanceStatus.Running) && !InstanceStatus.is(status, InstanceStatus.Stopped)
                || DiskStatus.anyBusy(instances.disksOf(tx, r.instanceId()), now)) {
            throw SwasErrors.incorrectInstanceStatus();
        }
        String target = imageId == null ? r.imageId() : imageId;
        ImageUse.Source image = imageUse.usable(tx, now, caller, target);
        Plan plan = plans.find(r.planId()).orElseThrow();
        List<DiskRecord> disks = instances.disksOf(tx, r.instanceId());
        int systemDisk = disks.stream()
                .filter(d -> d.diskType().equals("system"))
                .mapToInt(DiskRecord::sizeGib)
                .sum();
        int dataDisk = disks.stream()
                .filter(d -> d.diskType().equals("data"))
                .mapToInt(DiskRecord::sizeGib)
                .sum();
        if (image.custom() != null) {
            if (image.custom().instanceId().equals(r.instanceId())) {
                throw SwasErrors.imageNotUsable("A server cannot be reset with a custom image made from itself.");
            }
            if (image.dataDiskGib() > 0 && image.dataDiskGib() > dataDisk) {
                throw SwasErrors.imageNotUsable("The image carries a data disk of " + image.dataDiskGib()
                        + " GB; the server's data disk is " + dataDisk + " GB.");
            }
        }
        if (image.systemDiskGib() > systemDisk) {
            throw SwasErrors.imageNotUsable("The image needs a system disk of " + image.systemDiskGib()
                    + " GB; the server has " + systemDisk + " GB.");
        }
        if (!plan.supportPlatform().contains(image.platform())) {
            throw SwasErrors.imageNotUsable(
                    "The plan " + plan.planId() + " does not support " + image.platform() + " images.");
        }
        ImageUse.Source current = imageUse.describe(tx, r.imageId());
        if (!current.platform().equals(image.platform()) && !regions.isMainlandChina(caller.regionId())) {
            throw SwasErrors.imageNotUsable(
                    "Outside the Chinese mainland a server cannot switch between Linux and " + "Windows.");
        }
        save(tx, transition(r.withImage(image.imageId(), now), now, InstanceStatus.Resetting, InstanceStatus.Running));
        if (password != null) {
            passwordSet.created(tx, now, caller, instanceId);
        }
    }

    /**
     * UpgradeInstance: moves a Running or Stopped server to a larger plan (see {@link #isUpgrade}) that
     * supports its platform. The server passes through Upgrading to Running, as the upgrade restarts it;
     * its system disk takes the plan's size and category, a data disk stays as it is.
     */
    public void upgrade(Tx tx, long now, Caller caller, String instanceId, String planId) {
        InstanceRecord r = require(tx, caller, instanceId);
        Plan target = plans.find(planId).orElseThrow(SwasErrors::planNotFound);
        String status = r.status(now);
        List<DiskRecord> disks = instances.disksOf(tx, r.instanceId());
        if (!InstanceStatus.is(status, InstanceStatus.Running) && !InstanceStatus.is(status, InstanceStatus.Stopped)
                || DiskStatus.anyBusy(disks, now)) {
            throw SwasErrors.incorrectInstanceStatus();
        }
        if (!isUpgrade(plans.find(r.planId()).orElseThrow(), target)) {
            throw SwasErrors.planNotAnUpgrade();
        }
        String platform = imageUse.describe(tx, r.imageId()).platform();
        if (!target.supportPlatform().contains(platform)) {
            throw SwasErrors.planNotForPlatform(target.planId(), platform);
        }
        for (DiskRecord d : disks) {
            if (d.diskType().equals("system")) {
                instances.updateDisk(tx, d.withSpec(Math.max(d.sizeGib(), target.diskSize()), target.diskType()));
            }
        }
        save(tx, transition(r.withPlan(target.planId()), now, InstanceStatus.Upgrading, InstanceStatus.Running));
    }

    /**
     * Whether {@code to} is larger than {@code from}: no fewer cores, no less memory, disk or bandwidth,
     * and more of at least one. The monthly traffic quota is not compared (it belongs to the package).
     */
    static boolean isUpgrade(Plan from, Plan to) {
        boolean noneSmaller = to.core() >= from.core()
                && to.memory() >= from.memory()
                && to.diskSize() >= from.diskSize()
                && to.bandwidth() >= from.bandwidth();
        boolean oneLarger = to.core() > from.core()
                || to.memory() > from.memory()
                || to.diskSize() > from.diskSize()
                || to.bandwidth() > from.bandwidth();
        return noneSmaller && oneLarger;
    }

    /** ListInstancePlansModification: the plans UpgradeInstance accepts for the server, in catalog order. */
    public List<Plan> upgradeTargets(Tx tx, Caller caller, String instanceId) {
        InstanceRecord r = require(tx, caller, instanceId);
        Plan current = plans.find(r.planId()).orElseThrow();
        String platform = imageUse.describe(tx, r.imageId()).platform();
        return plans.all().stream()
                .filter(p -> isUpgrade(current, p) && p.supportPlatform().contains(platform))
                .toList();
    }

    /** RenewInstance: ExpiredTime moves on by {@code period} months (UTC calendar), in any server state. */
    public void renew(Tx tx, long now, Caller caller, String instanceId, long period) {
        if (!PERIODS.contains(period)) {
            throw SwasErrors.invalidPeriod();
        }
        InstanceRecord r = require(tx, caller, instanceId);
        long expires = Instant.ofEpochMilli(r.expiredAt())
                .atZone(ZoneOffset.UTC)
                .plusMonths(period)
                .toInstant()
                .toEpochMilli();
        save(tx, r.withExpiry(expires));
    }

    /**
     * A server's monthly traffic package, in bytes: {@code total} is the plan's quota, {@code used} the part
     * of it used, {@code remaining} the rest ({@code total = used + remaining}), {@code overflow} the traffic
     * beyond the quota.
     */
    public record TrafficUsage(String instanceId, long total, long used, long remaining, long overflow) {}

    /** Bytes in one GiB, the unit of a plan's Flow. */
    static final long GIB = 1L << 30;

    /**
     * ListInstancesTrafficPackages: the package of each listed server of the caller, in the order asked;
     * an id that is not one of the caller's servers in the region is left out.
     */
    public List<TrafficUsage> traffic(Tx tx, Caller caller, List<String> instanceIds) {
        regions.require(caller.regionId());
        List<TrafficUsage> out = new ArrayList<>();
        for (String id : new LinkedHashSet<>(instanceIds)) {
            instances.find(tx, caller.accountId(), caller.regionId(), id).ifPresent(r -> {
                long quota = plans.find(r.planId()).orElseThrow().flow() * GIB;
                long used = Math.min(r.trafficUsed(), quota);
                out.add(new TrafficUsage(r.instanceId(), quota, used, quota - used, r.trafficUsed() - used));
            });
        }
        return out;
    }

    /**
     * Sets the outbound traffic a server used this month, in bytes: nothing meters traffic, so it stays 0
     * unless set here (by a control API or a test). ListInstancesTrafficPackages reports it.
     */
    public void setTrafficUsed(Tx tx, Caller caller, String instanceId, long bytes) {
        if (bytes < 0) {
            throw SwasErrors.invalidParam("TrafficUsed", "it must be 0 or more bytes.");
        }
        save(tx, require(tx, caller, instanceId).withTrafficUsed(bytes));
    }

    public List<DiskRecord> disks(Tx tx, Caller caller) {
        regions.require(caller.regionId());
        return instances.disks(tx, caller.accountId(), caller.regionId());
    }

    public Map<String, String> instanceNames(Tx tx, Caller caller) {
        return instances.list(tx, caller.accountId(), caller.regionId()).stream()
                .collect(Collectors.toMap(InstanceRecord::instanceId, InstanceRecord::instanceName));
    }

    private InstanceRecord transition(InstanceRecord r, long now, InstanceStatus via, InstanceStatus to) {
        return r.withState(lifecycle.toward(via.name(), to.name(), now));
    }

    private void save(Tx tx, InstanceRecord r) {
        if (!instances.update(tx, r)) {
            throw new ConcurrentChange("instance " + r.instanceId());
        }
    }

    static String publicIp(String id) {
        return "47." + (Integer.parseInt(id.substring(0, 2), 16) % 200 + 1) + "."
                + Integer.parseInt(id.substring(2, 4), 16) + "." + (Integer.parseInt(id.substring(4, 6), 16) % 254 + 1);
    }

    static String innerIp(String id) {
        return "172.16." + Integer.parseInt(id.substring(6, 8), 16) + "."
                + (Integer.parseInt(id.substring(8, 10), 16) % 254 + 1);
    }
}
