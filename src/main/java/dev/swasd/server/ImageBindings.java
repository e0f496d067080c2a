package dev.swasd.server;

import static dev.swasd.server.InstanceBindings.caller;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swasd.protocol.ValidatedParams;
import dev.swasd.store.ImageQuery;
import dev.swasd.store.ImageRecord;
import dev.swasd.store.ShareRecord;
import dev.swasd.store.SnapshotRecord;
import dev.swasd.store.TagRecord;
import dev.swasd.store.TagRepository;
import dev.swasd.swas.CustomImageService;
import dev.swasd.swas.SnapshotService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Wire shapes of snapshots, custom images and image sharing, DeleteCustomImages among them. */
final class ImageBindings {
    private static final String P = SwasBindings.PRODUCT;

    private ImageBindings() {
    }

    static void register(ActionRegistry r, SnapshotService snapshots, CustomImageService images, TagRepository tags) {
        r.add(P, "CreateSnapshot", (ctx, p, tx) -> Wire.object().put("SnapshotId",
                snapshots.create(tx, ctx.now(), caller(ctx, p), p.string("DiskId"), p.string("SnapshotName"),
                        p.string("ResourceGroupId"), tagList(p))));
        r.add(P, "ListSnapshots", (ctx, p, tx) -> {
            List<SnapshotRecord> all = new ArrayList<>(snapshots.all(tx, caller(ctx, p)));
            List<String> ids = p.strings("SnapshotIds");
            all.removeIf(s -> ids != null && !ids.contains(s.snapshotId()));
            all.removeIf(s -> p.string("InstanceId") != null && !p.string("InstanceId").equals(s.instanceId()));
            all.removeIf(s -> p.string("DiskId") != null && !p.string("DiskId").equals(s.diskId()));
            all.removeIf(s -> p.string("SourceDiskType") != null
                    && !p.string("SourceDiskType").equalsIgnoreCase(s.sourceDiskType()));
            all.removeIf(s -> p.string("ResourceGroupId") != null
                    && !p.string("ResourceGroupId").equals(s.resourceGroupId()));
            Map<String, List<TagRecord>> byId = byResource(tags.tagsOf(tx, "snapshot",
                    all.stream().map(SnapshotRecord::snapshotId).toList()));
            all.removeIf(s -> !InstanceBindings.matches(byId.getOrDefault(s.snapshotId(), List.of()), p.objects("Tag")));
            Wire.Paging paging = Wire.Paging.of(p, 10);
            ObjectNode out = Wire.object();
            ArrayNode list = out.putArray("Snapshots");
            for (SnapshotRecord s : paging.slice(all)) {
                String status = s.status(ctx.now());
                ObjectNode o = list.addObject()
                        .put("SnapshotId", s.snapshotId())
                        .put("SnapshotName", s.snapshotName())
                        .put("Status", status)
                        .put("Progress", SnapshotService.ACCOMPLISHED.equals(status) ? "100%" : "0%")
                        .put("CreationTime", Wire.time(s.createdAt()))
                        .put("RegionId", s.regionId())
                        .put("InstanceId", s.sourceDiskType().equals("system") ? s.instanceId() : "")
                        .put("SourceDiskId", s.diskId())
                        .put("SourceDiskType", s.sourceDiskType())
                        .put("Remark", "")
                        .put("RollbackTime", "")
                        .put("ResourceGroupId", s.resourceGroupId() == null ? "" : s.resourceGroupId());
                Wire.tags(o.putArray("Tags"), byId.getOrDefault(s.snapshotId(), List.of()));
            }
            Wire.page(out, paging, all.size());
            return out;
        });
        r.add(P, "DeleteSnapshot", (ctx, p, tx) -> {
            snapshots.delete(tx, caller(ctx, p), List.of(p.string("SnapshotId")));
            return Wire.object();
        });
        r.add(P, "DeleteSnapshots", (ctx, p, tx) -> {
            snapshots.delete(tx, caller(ctx, p), p.strings("SnapshotIds"));
            return Wire.object();
        });
        r.add(P, "CreateCustomImage", (ctx, p, tx) -> Wire.object().put("ImageId",
                images.create(tx, ctx.now(), caller(ctx, p), new CustomImageService.CreateImage(p.string("InstanceId"),
                        p.string("ImageName"), p.string("SystemSnapshotId"), p.string("DataSnapshotId"),
                        p.string("Description"), p.string("ResourceGroupId"), tagList(p)))));
        r.addReusable(P, "ListCustomImages", (ctx, p, tx) -> {
            Wire.Paging paging = Wire.Paging.of(p, 10);
            List<ImageQuery.TagFilter> tagFilter = p.objects("Tag") == null ? null : p.objects("Tag").stream()
                    .map(t -> new ImageQuery.TagFilter(t.get("Key"), emptyToNull(t.get("Value")))).toList();
            CustomImageService.ImagePage page = images.list(tx, ctx.now(), new ImageQuery(ctx.accountId(),
                    p.string("RegionId"), p.strings("ImageIds"), p.strings("ImageNames"), p.string("InstanceId"),
                    p.string("SystemSnapshotId"), p.string("DataSnapshotId"), p.bool("Share"),
                    p.string("ResourceGroupId"), tagFilter, paging.offset(), paging.size()));
            ObjectNode out = Wire.object();
            ArrayNode list = out.putArray("CustomImages");
            for (CustomImageService.ImageView v : page.images()) {
                customImage(list.addObject(), v);
            }
            // ListCustomImages sends its counters as strings, unlike every other List action
            out.put("PageNumber", Integer.toString(paging.number())).put("PageSize", Integer.toString(paging.size()))
                    .put("TotalCount", Long.toString(page.total()));
            return new ReusableRead.Result(out, page.stableUntil());
        });
        r.add(P, "DeleteCustomImage", (ctx, p, tx) -> {
            images.delete(tx, ctx.now(), caller(ctx, p), List.of(p.string("ImageId")));
            return Wire.object();
        });
        r.add(P, "DeleteCustomImages", (ctx, p, tx) -> {
            images.delete(tx, ctx.now(), caller(ctx, p), p.strings("ImageIds"));
            return Wire.object();
        });
        r.add(P, "ModifyImageShareStatus", (ctx, p, tx) -> {
            images.shareToEcs(tx, ctx.now(), caller(ctx, p), p.string("ImageId"), p.string("Operation"));
            return Wire.object();
        });
        r.add(P, "AddCustomImageShareAccount", (ctx, p, tx) -> {
            images.addShareAccounts(tx, ctx.now(), caller(ctx, p), p.string("ImageId"), p.integers("Account"));
            return Wire.object();
        });
        r.add(P, "RemoveCustomImageShareAccount", (ctx, p, tx) -> {
            images.removeShareAccounts(tx, caller(ctx, p), p.string("ImageId"), p.integers("Account"));
            return Wire.object();
        });
        r.add(P, "ListCustomImageShareAccounts", (ctx, p, tx) -> {
            List<ShareRecord> all = images.shareAccounts(tx, caller(ctx, p), p.string("ImageId"));
            Wire.Paging paging = Wire.Paging.of(p, 10);
            ObjectNode out = Wire.object();
            ArrayNode list = out.putArray("ImageShareUsers");
            for (ShareRecord s : paging.slice(all)) {
                list.addObject().put("UserId", Long.parseLong(s.targetAccountId()))
                        .put("SharedTime", Wire.sharedTime(s.sharedAt()));
            }
            Wire.page(out, paging, all.size());
            return out;
        });
    }

    static void customImage(ObjectNode o, CustomImageService.ImageView v) {
        ImageRecord i = v.record();
        o.put("ImageId", i.imageId())
                .put("Name", i.imageName())
                .put("Description", i.description())
                .put("Status", v.status())
                .put("CreationTime", Wire.time(i.createdAt()))
                .put("RegionId", i.regionId())
                .put("InstanceId", i.instanceId())
                .put("InstanceName", i.instanceName())
                .put("SystemSnapshotId", i.systemSnapshotId())
                .put("SystemSnapshotName", i.systemSnapshotName())
                .put("DataSnapshotId", i.dataSnapshotId() == null ? "" : i.dataSnapshotId())
                .put("DataSnapshotName", i.dataSnapshotName() == null ? "" : i.dataSnapshotName())
                .put("RequiredSystemDiskSize", i.systemDiskGib())
                .put("RequiredDataDiskSize", i.dataDiskGib())
                .put("OsType", i.platform())
                .put("SourceImageName", i.sourceImageName())
                .put("SourceImageVersion", i.sourceImageVersion())
                .put("InShare", i.inShare())
                .put("InShareUser", v.inShareUser())
                .put("ResourceGroupId", i.resourceGroupId() == null ? "" : i.resourceGroupId())
                .put("UserId", Long.parseLong(i.accountId()));
        v.createdInstances().forEach(o.putArray("CreateInstances")::add);
        Wire.tags(o.putArray("Tags"), v.tags());
    }

    static List<Map<String, String>> tagList(ValidatedParams p) {
        return p.objects("Tag") == null ? List.of() : p.objects("Tag");
    }

    static Map<String, List<TagRecord>> byResource(List<TagRecord> tags) {
        Map<String, List<TagRecord>> out = new java.util.HashMap<>();
        tags.forEach(t -> out.computeIfAbsent(t.resourceId(), k -> new ArrayList<>()).add(t));
        return out;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
