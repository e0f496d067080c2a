package dev.swasd.swas.images;

import dev.swasd.errors.ApiException;
import dev.swasd.store.ImageQuery;
import dev.swasd.store.ImageRecord;
import dev.swasd.store.ImageRepository;
import dev.swasd.store.InstanceRecord;
import dev.swasd.store.InstanceRepository;
import dev.swasd.store.ShareRecord;
import dev.swasd.store.SnapshotRecord;
import dev.swasd.store.SnapshotRepository;
import dev.swasd.store.TagRecord;
import dev.swasd.store.TagRepository;
import dev.swasd.store.Tx;
import dev.swasd.swas.Caller;
import dev.swasd.swas.ConcurrentChange;
import dev.swasd.swas.IdFormat;
import dev.swasd.swas.Lifecycle;
import dev.swasd.swas.Quotas;
import dev.swasd.swas.Regions;
import dev.swasd.swas.ResourceType;
import dev.swasd.swas.SwasErrors;
import dev.swasd.swas.regions.PublicImages;
import dev.swasd.swas.snapshots.SnapshotService;
import dev.swasd.swas.tags.TagRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Custom images: made from a server's system-disk snapshot, shared to ECS or to other accounts,
 * deleted only when no longer shared. A state machine in the manner of Glance: Creating (4) →
 * Available (1); deletion is soft, so a deleted image is never found again but its row remains.
 */
public final class CustomImageService {
    private static final ImageRepository ROWS = new ImageRepository();
    /** Custom images; a soft-deleted one no longer exists for its owner. */
    public static final ResourceType CUSTOM_IMAGE = new ResourceType(
            "customimage",
            new IdFormat.Prefixed("m-", 20),
            (tx, c, id) -> ROWS.find(tx, id)
                    .filter(i -> !i.deleted()
                            && i.accountId().equals(c.accountId())
                            && i.regionId().equals(c.regionId()))
                    .isPresent(),
            ImageRepository.TRANSITIONS);
    /** 2-128 characters, starting with a letter or digit; letters (CJK too), digits, : _ - */
    private static final Pattern NAME = Pattern.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N}:_\\-]{1,127}$");

    private static final int MAX_DESCRIPTION = 256;

    private final Regions regions;
    private final Quotas quotas;
    private final Lifecycle lifecycle;
    private final InstanceRepository instances;
    private final SnapshotRepository snapshots;
    private final ImageRepository images;
    private final TagRepository tags;
    private final ImageUse imageUse;

    public CustomImageService(
            Regions regions,
            PublicImages publicImages,
            Quotas quotas,
            Lifecycle lifecycle,
            InstanceRepository instances,
            SnapshotRepository snapshots,
            ImageRepository images,
            TagRepository tags) {
        this.regions = regions;
        this.quotas = quotas;
        this.lifecycle = lifecycle;
        this.instances = instances;
        this.snapshots = snapshots;
        this.images = images;
        this.tags = tags;
        this.imageUse = new ImageUse(publicImages, images);
    }

    public record CreateImage(
            String instanceId,
            String imageName,
            String systemSnapshotId,
            String dataSnapshotId,
            String description,
            String resourceGroupId,
            List<Map<String, String>> tags) {}

    public String create(Tx tx, long now, Caller caller, CreateImage cmd) {
        regions.require(caller.regionId());
        InstanceRecord instance = instances
                .find(tx, caller.accountId(), caller.regionId(), cmd.instanceId())
                .orElseThrow(SwasErrors::instanceNotFound);
        if (!NAME.matcher(cmd.imageName()).matches()) {
            throw new ApiException(
                    400,
                    "InvalidImageName",
                    "ImageName must be 2-128 characters, start with a letter or digit and hold only letters, digits, "
                            + "colons, underscores and hyphens.");
        }
        if (cmd.description() != null && cmd.description().length() > MAX_DESCRIPTION) {
            throw SwasErrors.invalidParam("Description", "it is longer than " + MAX_DESCRIPTION + " characters.");
        }
        if (cmd.systemSnapshotId() == null) {
            throw new ApiException(400, "MissingSystemSnapshotId", "SystemSnapshotId is mandatory for this action.");
        }
        TagRules.checkForAttach(cmd.tags());
        SnapshotRecord system = snapshotOf(tx, now, caller, cmd.systemSnapshotId(), instance, "system");
        SnapshotRecord data = cmd.dataSnapshotId() == null
                ? null
                : snapshotOf(tx, now, caller, cmd.dataSnapshotId(), instance, "data");
        long servers = instances.countInAccount(tx, caller.accountId());
        long cap = Quotas.scaled(quotas.customImagesPerServer(), servers, quotas.customImagesPerAccount());
        if (images.countLiveInAccount(tx, caller.accountId()) >= cap) {
            throw SwasErrors.quotaExceeded(
                    "CustomImage",
                    "The account may have at most " + cap + " custom images (" + quotas.customImagesPerServer()
                            + " per server, at most " + quotas.customImagesPerAccount() + ").");
        }
        ImageUse.Source source = imageUse.describe(tx, instance.imageId());
        String id = CUSTOM_IMAGE.newId();
        String creating = CustomImageStatus.CREATING.code();
        String available = CustomImageStatus.AVAILABLE.code();
        images.insert(
                tx,
                new ImageRecord(
                        id,
                        caller.accountId(),
                        caller.regionId(),
                        cmd.imageName(),
                        cmd.description() == null ? "" : cmd.description(),
                        instance.instanceId(),
                        instance.instanceName(),
                        system.snapshotId(),
                        system.snapshotName(),
                        data == null ? null : data.snapshotId(),
                        data == null ? null : data.snapshotName(),
                        system.diskSizeGib(),
                        data == null ? 0 : data.diskSizeGib(),
                        source.platform(),
                        source.imageId(),
                        source.imageName(),
                        source.version(),
                        lifecycle.toward(creating, available, now),
                        false,
                        now,
                        null,
                        cmd.resourceGroupId(),
                        0));
        for (Map<String, String> t : cmd.tags()) {
            tags.put(
                    tx,
                    new TagRecord(caller.accountId(), "customimage", id, t.get("Key"), t.getOrDefault("Value", "")));
        }
        return id;
    }

    private SnapshotRecord snapshotOf(
            Tx tx, long now, Caller caller, String snapshotId, InstanceRecord instance, String diskType) {
        SnapshotRecord s = snapshots
                .find(tx, caller.accountId(), caller.regionId(), snapshotId)
                .orElseThrow(SwasErrors::snapshotNotFound);
        if (!s.instanceId().equals(instance.instanceId()) || !s.sourceDiskType().equals(diskType)) {
            throw SwasErrors.invalidParam(
                    diskType.equals("system") ? "SystemSnapshotId" : "DataSnapshotId",
                    "it must be a snapshot of the " + diskType + " disk of server " + instance.instanceId() + ".");
        }
        if (!SnapshotService.ACCOMPLISHED.equals(s.status(now))) {
            throw SwasErrors.incorrectSnapshotStatus();
        }
        return s;
    }

    /** A listed image with what the response shows beside the row. */
    public record ImageView(
            ImageRecord record,
            String status,
            boolean inShareUser,
            List<String> createdInstances,
            List<TagRecord> tags) {}

    /**
     * A page of images, with the first moment one of them changes state by itself (Creating
     * becomes Available when its time comes, without a write): until then, and as long as nothing
     * is written, the page stays as it is. Long.MAX_VALUE when none is due to change.
     */
    public record ImagePage(List<ImageView> images, long total, long stableUntil) {}

    public ImagePage list(Tx tx, long now, ImageQuery query) {
        regions.require(query.regionId());
        ImageRepository.Page page = images.list(tx, query);
        List<ImageView> views = new ArrayList<>();
        long stableUntil = Long.MAX_VALUE;
        for (ImageRepository.Listed l : page.images()) {
            ImageRecord r = l.image();
            views.add(new ImageView(r, r.status(now), l.shareCount() > 0, l.instanceIds(), l.tags()));
            if (r.state().pendingAfter(now)) {
                stableUntil = Math.min(stableUntil, r.state().at());
            }
        }
        return new ImagePage(views, page.total(), stableUntil);
    }

    /**
     * DeleteCustomImages (and DeleteCustomImage): all listed images or none. Unknown, deleted or
     * foreign ids are InvalidImageId.NotFound; an image shared to ECS or to accounts is
     * CustomImageInShare; one still being created is IncorrectImageStatus.
     */
    public void delete(Tx tx, long now, Caller caller, List<String> imageIds) {
        regions.require(caller.regionId());
        List<String> ids = List.copyOf(new LinkedHashSet<>(imageIds));
        List<ImageRecord> found = images.findAll(tx, ids);
        Map<String, ImageRecord> byId = new HashMap<>();
        found.forEach(i -> byId.put(i.imageId(), i));
        List<ImageRecord> targets = new ArrayList<>();
        for (String id : ids) {
            ImageRecord i = byId.get(id);
            if (i == null
                    || i.deleted()
                    || !i.accountId().equals(caller.accountId())
                    || !i.regionId().equals(caller.regionId())) {
                throw SwasErrors.imageNotFound();
            }
            targets.add(i);
        }
        Map<String, Long> shared = images.shareCounts(tx, ids);
        for (ImageRecord i : targets) {
            if (i.inShare() || shared.getOrDefault(i.imageId(), 0L) > 0) {
                throw SwasErrors.imageInShare();
            }
            if (CustomImageStatus.CREATING.code().equals(i.status(now))) {
                throw SwasErrors.incorrectImageStatus(i.imageId());
            }
        }
        if (!images.softDeleteAll(tx, targets, now)) {
            throw new ConcurrentChange("custom images " + ids);
        }
        tags.removeAll(tx, "customimage", ids);
    }

    /** ModifyImageShareStatus: Share or UnShare to ECS in the image's region. */
    public void shareToEcs(Tx tx, long now, Caller caller, String imageId, String operation) {
        boolean share;
        if ("Share".equals(operation)) {
            share = true;
        } else if ("UnShare".equals(operation)) {
            share = false;
        } else {
            throw SwasErrors.operationIllegal();
        }
        ImageRecord i = owned(tx, caller, imageId);
        if (share && !CustomImageStatus.AVAILABLE.code().equals(i.status(now))) {
            throw SwasErrors.incorrectImageStatus(imageId);
        }
        if (i.inShare() != share) {
            save(tx, withShare(i, share));
        }
    }

    public void addShareAccounts(Tx tx, long now, Caller caller, String imageId, List<Long> accounts) {
        ImageRecord i = owned(tx, caller, imageId);
        if (!CustomImageStatus.AVAILABLE.code().equals(i.status(now))) {
            throw SwasErrors.incorrectImageStatus(imageId);
        }
        for (Long a : new LinkedHashSet<>(accounts)) {
            String target = checkAccount(a);
            if (target.equals(caller.accountId())) {
                throw SwasErrors.invalidParam("Account", "an image cannot be shared with its own account.");
            }
            images.addShare(tx, new ShareRecord(imageId, target, now));
        }
        long count = images.shareCount(tx, imageId);
        if (count > quotas.shareAccountsPerImage()) {
            throw SwasErrors.quotaExceeded(
                    "ShareAccount",
                    "A custom image may be shared with at most " + quotas.shareAccountsPerImage() + " accounts.");
        }
        // the version bump serializes racing share and delete requests on this image
        save(tx, withShare(i, i.inShare()));
    }

    public void removeShareAccounts(Tx tx, Caller caller, String imageId, List<Long> accounts) {
        ImageRecord i = owned(tx, caller, imageId);
        for (Long a : new LinkedHashSet<>(accounts)) {
            images.removeShare(tx, imageId, checkAccount(a));
        }
        save(tx, withShare(i, i.inShare()));
    }

    public List<ShareRecord> shareAccounts(Tx tx, Caller caller, String imageId) {
        owned(tx, caller, imageId);
        return images.shares(tx, imageId);
    }

    /** Live images of the caller shared to ECS in its region: what ECS DescribeImages shows. */
    public List<ImageRecord> sharedToEcs(Tx tx, Caller caller) {
        return images.sharedToEcs(tx, caller.accountId(), caller.regionId());
    }

    private ImageRecord owned(Tx tx, Caller caller, String imageId) {
        regions.require(caller.regionId());
        return images.find(tx, imageId)
                .filter(i -> !i.deleted()
                        && i.accountId().equals(caller.accountId())
                        && i.regionId().equals(caller.regionId()))
                .orElseThrow(SwasErrors::imageNotFound);
    }

    private static String checkAccount(Long account) {
        String text = Long.toString(account);
        if (!text.matches("[1-9][0-9]{15}")) {
            throw SwasErrors.invalidParam("Account", "an account is a 16-digit UID, got " + text + ".");
        }
        return text;
    }

    private static ImageRecord withShare(ImageRecord i, boolean inShare) {
        return new ImageRecord(
                i.imageId(),
                i.accountId(),
                i.regionId(),
                i.imageName(),
                i.description(),
                i.instanceId(),
                i.instanceName(),
                i.systemSnapshotId(),
                i.systemSnapshotName(),
                i.dataSnapshotId(),
                i.dataSnapshotName(),
                i.systemDiskGib(),
                i.dataDiskGib(),
                i.platform(),
                i.sourceImageId(),
                i.sourceImageName(),
                i.sourceImageVersion(),
                i.state(),
                inShare,
                i.createdAt(),
                i.deletedAt(),
                i.resourceGroupId(),
                i.version());
    }

    private void save(Tx tx, ImageRecord i) {
        if (!images.update(tx, i)) {
            throw new ConcurrentChange("custom image " + i.imageId());
        }
    }
}
