package dev.swasd.swas.images;

import dev.swasd.api.Call;
import dev.swasd.api.ecs.EcsApi;
import dev.swasd.api.ecs.EcsRequests.DescribeImagesRequest;
import dev.swasd.api.ecs.EcsResponses.DescribeImagesResponse;
import dev.swasd.api.ecs.EcsResponses.DescribeImagesResponse.Images;
import dev.swasd.api.ecs.EcsResponses.DescribeImagesResponse.Images.Image;
import dev.swasd.api.ecs.EcsResponses.DescribeImagesResponse.Images.Image.DiskDeviceMappings;
import dev.swasd.api.ecs.EcsResponses.DescribeImagesResponse.Images.Image.DiskDeviceMappings.DiskDeviceMapping;
import dev.swasd.errors.ApiException;
import dev.swasd.store.ImageRecord;
import dev.swasd.swas.Caller;
import dev.swasd.swas.Paging;
import dev.swasd.swas.Shapes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The ECS 2014-05-26 side of image sharing: DescribeImages lists the SWAS custom images the
 * caller shared to ECS in the region, labelled as ECS labels images shared by another account
 * (ram-api.md 3.5), with ECS's doubly wrapped lists. Public ECS images are not modelled.
 */
public final class EcsImageActions implements EcsApi {
    /** The owner ECS shows for SWAS images shared to it (docs/decisions.md). */
    static final long SWAS_SERVICE_ACCOUNT = 1000000000000000L;

    private static final Set<String> ALIASES = Set.of("system", "self", "others", "marketplace");

    private final CustomImageService images;

    public EcsImageActions(CustomImageService images) {
        this.images = images;
    }

    @Override
    public DescribeImagesResponse describeImages(Call call, DescribeImagesRequest r) {
        String alias = r.imageOwnerAlias();
        if (alias != null && !ALIASES.contains(alias)) {
            throw new ApiException(
                    400,
                    "InvalidImageOwnerAlias.ValueNotSupported",
                    "The specified ImageOwnerAlias value is not supported.");
        }
        String status = r.status() == null ? "Available" : r.status();
        boolean wantsAvailable =
                status.equals("ALL") || List.of(status.split(",")).contains("Available");
        boolean others = (alias == null || alias.equals("others")) && !Boolean.TRUE.equals(r.isPublic());
        List<ImageRecord> all = new ArrayList<>();
        if (others && wantsAvailable) {
            all.addAll(images.sharedToEcs(call.tx(), Caller.of(call, r.regionId())));
        }
        if (r.imageId() != null) {
            List<String> wanted = List.of(r.imageId().split(","));
            all.removeIf(i -> !wanted.contains(i.imageId()));
        }
        all.removeIf(i -> r.imageName() != null && !i.imageName().contains(r.imageName()));
        all.removeIf(i -> r.oSType() != null && !r.oSType().equalsIgnoreCase(i.platform()));
        all.removeIf(i -> r.architecture() != null && !r.architecture().equals("x86_64"));
        all.removeIf(i -> r.snapshotId() != null && !r.snapshotId().equals(i.systemSnapshotId()));
        all.removeIf(i -> r.imageOwnerId() != null && r.imageOwnerId() != SWAS_SERVICE_ACCOUNT);
        if (r.tag() != null) {
            all.clear(); // SWAS tags are not carried over to ECS
        }
        Paging paging = Paging.of(r.pageNumber(), r.pageSize(), 10);
        return DescribeImagesResponse.builder()
                .regionId(r.regionId())
                .images(new Images(
                        paging.slice(all).stream().map(EcsImageActions::image).toList()))
                .pageNumber(paging.number())
                .pageSize(paging.size())
                .totalCount(all.size())
                .build();
    }

    private static Image image(ImageRecord i) {
        List<DiskDeviceMapping> mappings = new ArrayList<>();
        mappings.add(mapping("/dev/xvda", "system", i.systemSnapshotId(), i.systemDiskGib()));
        if (i.dataSnapshotId() != null) {
            mappings.add(mapping("/dev/xvdb", "data", i.dataSnapshotId(), i.dataDiskGib()));
        }
        return Image.builder()
                .imageId(i.imageId())
                .imageName(i.imageName())
                .description(i.description())
                .imageOwnerAlias("others")
                .imageOwnerId(SWAS_SERVICE_ACCOUNT)
                .status("Available")
                .progress("100%")
                .creationTime(Shapes.time(i.createdAt()))
                .oSType(i.platform().toLowerCase(Locale.ROOT))
                .platform(i.platform().equals("Windows") ? "Windows Server 2022" : i.sourceImageName())
                .oSName(i.sourceImageName())
                .oSNameEn(i.sourceImageName())
                .imageVersion(i.sourceImageVersion())
                .architecture("x86_64")
                .size(i.systemDiskGib())
                .isSelfShared("False")
                .isPublic(false)
                .isCopied(false)
                .isSubscribed(false)
                .isSupportCloudinit(true)
                .isSupportIoOptimized(true)
                .usable(true)
                .usage("instance")
                .bootMode("BIOS")
                .imageFamily("")
                .productCode("")
                .resourceGroupId("")
                .diskDeviceMappings(new DiskDeviceMappings(mappings))
                .tags(new Image.Tags(List.of()))
                .build();
    }

    private static DiskDeviceMapping mapping(String device, String type, String snapshotId, int sizeGib) {
        return DiskDeviceMapping.builder()
                .device(device)
                .type(type)
                .snapshotId(snapshotId)
                .size(Integer.toString(sizeGib))
                .format("")
                .progress("100%")
                .encrypted(false)
                .build();
    }
}
