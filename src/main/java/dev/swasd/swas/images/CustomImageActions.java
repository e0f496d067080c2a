package dev.swasd.swas.images;

import dev.swasd.api.Call;
import dev.swasd.api.Reusable;
import dev.swasd.api.swasopen.SwasOpenApi;
import dev.swasd.api.swasopen.SwasOpenRequests.AddCustomImageShareAccountRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.CreateCustomImageRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DeleteCustomImageRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.DeleteCustomImagesRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.ListCustomImageShareAccountsRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.ListCustomImagesRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.ModifyImageShareStatusRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.RemoveCustomImageShareAccountRequest;
import dev.swasd.api.swasopen.SwasOpenResponses.AddCustomImageShareAccountResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.CreateCustomImageResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DeleteCustomImageResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.DeleteCustomImagesResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.ListCustomImageShareAccountsResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.ListCustomImageShareAccountsResponse.ImageShareUser;
import dev.swasd.api.swasopen.SwasOpenResponses.ListCustomImagesResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.ListCustomImagesResponse.CustomImage;
import dev.swasd.api.swasopen.SwasOpenResponses.ModifyImageShareStatusResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.RemoveCustomImageShareAccountResponse;
import dev.swasd.store.ImageQuery;
import dev.swasd.store.ImageRecord;
import dev.swasd.store.ShareRecord;
import dev.swasd.swas.Caller;
import dev.swasd.swas.Paging;
import dev.swasd.swas.ResourceModule;
import dev.swasd.swas.ResourceType;
import dev.swasd.swas.Shapes;
import java.util.List;

/**
 * The custom-image actions of swas-open: create, list, delete (DeleteCustomImages among them) and
 * sharing, to ECS and to other accounts.
 */
public final class CustomImageActions implements SwasOpenApi, ResourceModule {
    private final CustomImageService images;

    public CustomImageActions(CustomImageService images) {
        this.images = images;
    }

    @Override
    public List<ResourceType> resourceTypes() {
        return List.of(CustomImageService.CUSTOM_IMAGE);
    }

    @Override
    public CreateCustomImageResponse createCustomImage(Call call, CreateCustomImageRequest r) {
        String id = images.create(
                call.tx(),
                call.now(),
                Caller.of(call, r.regionId()),
                new CustomImageService.CreateImage(
                        r.instanceId(),
                        r.imageName(),
                        r.systemSnapshotId(),
                        r.dataSnapshotId(),
                        r.description(),
                        r.resourceGroupId(),
                        Shapes.tagMaps(
                                r.tag(), CreateCustomImageRequest.Tag::key, CreateCustomImageRequest.Tag::value)));
        return new CreateCustomImageResponse(id);
    }

    @Override
    @Reusable
    public ListCustomImagesResponse listCustomImages(Call call, ListCustomImagesRequest r) {
        Paging paging = Paging.of(r.pageNumber(), r.pageSize(), 10);
        List<ImageQuery.TagFilter> tagFilter = r.tag() == null
                ? null
                : r.tag().stream()
                        .map(t -> new ImageQuery.TagFilter(t.key(), emptyToNull(t.value())))
                        .toList();
        CustomImageService.ImagePage page = images.list(
                call.tx(),
                call.now(),
                new ImageQuery(
                        call.accountId(),
                        r.regionId(),
                        r.imageIds(),
                        r.imageNames(),
                        r.instanceId(),
                        r.systemSnapshotId(),
                        r.dataSnapshotId(),
                        r.share(),
                        r.resourceGroupId(),
                        tagFilter,
                        paging.offset(),
                        paging.size()));
        call.validUntil(page.stableUntil());
        // the service sends this action's counters as strings (the catalog's response tree says so)
        return new ListCustomImagesResponse(
                page.images().stream().map(CustomImageActions::customImage).toList(),
                Integer.toString(paging.number()),
                Integer.toString(paging.size()),
                Long.toString(page.total()));
    }

    private static CustomImage customImage(CustomImageService.ImageView v) {
        ImageRecord i = v.record();
        return CustomImage.builder()
                .imageId(i.imageId())
                .name(i.imageName())
                .description(i.description())
                .status(v.status())
                .creationTime(Shapes.time(i.createdAt()))
                .regionId(i.regionId())
                .instanceId(i.instanceId())
                .instanceName(i.instanceName())
                .systemSnapshotId(i.systemSnapshotId())
                .systemSnapshotName(i.systemSnapshotName())
                .dataSnapshotId(Shapes.orEmpty(i.dataSnapshotId()))
                .dataSnapshotName(Shapes.orEmpty(i.dataSnapshotName()))
                .requiredSystemDiskSize(i.systemDiskGib())
                .requiredDataDiskSize(i.dataDiskGib())
                .osType(i.platform())
                .sourceImageName(i.sourceImageName())
                .sourceImageVersion(i.sourceImageVersion())
                .inShare(i.inShare())
                .inShareUser(v.inShareUser())
                .resourceGroupId(Shapes.orEmpty(i.resourceGroupId()))
                .userId(Long.parseLong(i.accountId()))
                .createInstances(v.createdInstances())
                .tags(Shapes.tags(v.tags(), CustomImage.Tag::new))
                .build();
    }

    @Override
    public DeleteCustomImageResponse deleteCustomImage(Call call, DeleteCustomImageRequest r) {
        images.delete(call.tx(), call.now(), Caller.of(call, r.regionId()), List.of(r.imageId()));
        return new DeleteCustomImageResponse();
    }

    @Override
    public DeleteCustomImagesResponse deleteCustomImages(Call call, DeleteCustomImagesRequest r) {
        images.delete(call.tx(), call.now(), Caller.of(call, r.regionId()), r.imageIds());
        return new DeleteCustomImagesResponse();
    }

    @Override
    public ModifyImageShareStatusResponse modifyImageShareStatus(Call call, ModifyImageShareStatusRequest r) {
        images.shareToEcs(call.tx(), call.now(), Caller.of(call, r.regionId()), r.imageId(), r.operation());
        return new ModifyImageShareStatusResponse();
    }

    @Override
    public AddCustomImageShareAccountResponse addCustomImageShareAccount(
            Call call, AddCustomImageShareAccountRequest r) {
        images.addShareAccounts(call.tx(), call.now(), Caller.of(call, r.regionId()), r.imageId(), r.account());
        return new AddCustomImageShareAccountResponse();
    }

    @Override
    public RemoveCustomImageShareAccountResponse removeCustomImageShareAccount(
            Call call, RemoveCustomImageShareAccountRequest r) {
        images.removeShareAccounts(call.tx(), Caller.of(call, r.regionId()), r.imageId(), r.account());
        return new RemoveCustomImageShareAccountResponse();
    }

    @Override
    public ListCustomImageShareAccountsResponse listCustomImageShareAccounts(
            Call call, ListCustomImageShareAccountsRequest r) {
        List<ShareRecord> all = images.shareAccounts(call.tx(), Caller.of(call, r.regionId()), r.imageId());
        Paging paging = Paging.of(r.pageNumber(), r.pageSize(), 10);
        List<ImageShareUser> users = paging.slice(all).stream()
                .map(s -> new ImageShareUser(Shapes.sharedTime(s.sharedAt()), Long.parseLong(s.targetAccountId())))
                .toList();
        return new ListCustomImageShareAccountsResponse(users, paging.number(), paging.size(), all.size());
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
