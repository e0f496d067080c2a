package dev.swasd.swas.snapshots;

import dev.swasd.api.Call;
import dev.swasd.api.swasopen.SwasOpenApi;
import dev.swasd.api.swasopen.SwasOpenRequests.CreateSnapshotRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DeleteSnapshotRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DeleteSnapshotsRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.ListSnapshotsRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.UpdateSnapshotAttributeRequest;
import dev.swasd.api.swasopen.SwasOpenResponses.CreateSnapshotResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DeleteSnapshotResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DeleteSnapshotsResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.ListSnapshotsResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.ListSnapshotsResponse.Snapshot;
import dev.swasd.api.swasopen.SwasOpenResponses.UpdateSnapshotAttributeResponse;
import dev.swasd.store.SnapshotRecord;
import dev.swasd.store.TagRecord;
import dev.swasd.store.TagRepository;
import dev.swasd.swas.Caller;
import dev.swasd.swas.Paging;
import dev.swasd.swas.ResourceModule;
import dev.swasd.swas.ResourceType;
import dev.swasd.swas.Shapes;
import dev.swasd.swas.tags.TagFilters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Snapshots of a server's disks: CreateSnapshot, ListSnapshots, UpdateSnapshotAttribute, DeleteSnapshot(s). */
public final class SnapshotActions implements SwasOpenApi, ResourceModule {
    private final SnapshotService snapshots;
    private final TagRepository tags;

    public SnapshotActions(SnapshotService snapshots, TagRepository tags) {
        this.snapshots = snapshots;
        this.tags = tags;
    }

    @Override
    public List<ResourceType> resourceTypes() {
        return List.of(SnapshotService.SNAPSHOT);
    }

    @Override
    public CreateSnapshotResponse createSnapshot(Call call, CreateSnapshotRequest r) {
        return new CreateSnapshotResponse(snapshots.create(
                call.tx(),
                call.now(),
                Caller.of(call, r.regionId()),
                r.diskId(),
                r.snapshotName(),
                r.resourceGroupId(),
                Shapes.tagMaps(r.tag(), CreateSnapshotRequest.Tag::key, CreateSnapshotRequest.Tag::value)));
    }

    @Override
    public ListSnapshotsResponse listSnapshots(Call call, ListSnapshotsRequest r) {
        List<SnapshotRecord> all = new ArrayList<>(snapshots.all(call.tx(), Caller.of(call, r.regionId())));
        all.removeIf(s -> r.snapshotIds() != null && !r.snapshotIds().contains(s.snapshotId()));
        all.removeIf(s -> r.instanceId() != null && !r.instanceId().equals(s.instanceId()));
        all.removeIf(s -> r.diskId() != null && !r.diskId().equals(s.diskId()));
        all.removeIf(s -> r.sourceDiskType() != null && !r.sourceDiskType().equalsIgnoreCase(s.sourceDiskType()));
        all.removeIf(s -> r.resourceGroupId() != null && !r.resourceGroupId().equals(s.resourceGroupId()));
        Map<String, List<TagRecord>> byId = Shapes.byResource(tags.tagsOf(
                call.tx(),
                "snapshot",
                all.stream().map(SnapshotRecord::snapshotId).toList()));
        List<TagFilters.Filter> filter =
                TagFilters.of(r.tag(), ListSnapshotsRequest.Tag::key, ListSnapshotsRequest.Tag::value);
        all.removeIf(s -> !TagFilters.matches(byId.getOrDefault(s.snapshotId(), List.of()), filter));
        Paging paging = Paging.of(r.pageNumber(), r.pageSize(), 10);
        List<Snapshot> page = new ArrayList<>();
        for (SnapshotRecord s : paging.slice(all)) {
            String status = s.status(call.now());
            page.add(Snapshot.builder()
                    .snapshotId(s.snapshotId())
                    .snapshotName(s.snapshotName())
                    .status(Shapes.snapshotStatus(status))
                    .progress(SnapshotService.ACCOMPLISHED.equals(status) ? "100%" : "0%")
                    .creationTime(Shapes.time(s.createdAt()))
                    .regionId(s.regionId())
                    .instanceId(s.sourceDiskType().equals("system") ? s.instanceId() : "")
                    .sourceDiskId(s.diskId())
                    .sourceDiskType(Shapes.diskType(s.sourceDiskType()))
                    .remark(s.remark())
                    .rollbackTime("")
                    .resourceGroupId(Shapes.orEmpty(s.resourceGroupId()))
                    .tags(Shapes.tags(byId.getOrDefault(s.snapshotId(), List.of()), Snapshot.Tag::new))
                    .build());
        }
        return new ListSnapshotsResponse(paging.number(), paging.size(), page, all.size());
    }

    @Override
    public UpdateSnapshotAttributeResponse updateSnapshotAttribute(Call call, UpdateSnapshotAttributeRequest r) {
        snapshots.setRemark(call.tx(), Caller.of(call, r.regionId()), r.snapshotId(), r.remark());
        return new UpdateSnapshotAttributeResponse();
    }

    @Override
    public DeleteSnapshotResponse deleteSnapshot(Call call, DeleteSnapshotRequest r) {
        snapshots.delete(call.tx(), Caller.of(call, r.regionId()), List.of(r.snapshotId()));
        return new DeleteSnapshotResponse();
    }

    @Override
    public DeleteSnapshotsResponse deleteSnapshots(Call call, DeleteSnapshotsRequest r) {
        snapshots.delete(call.tx(), Caller.of(call, r.regionId()), r.snapshotIds());
        return new DeleteSnapshotsResponse();
    }
}
