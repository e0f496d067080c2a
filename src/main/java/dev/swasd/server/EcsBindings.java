package dev.swasd.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swasd.store.ImageRecord;
import dev.swasd.swas.CustomImageService;
import dev.swasd.errors.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The ECS 2014-05-26 side of image sharing: DescribeImages lists the SWAS custom images the
 * caller shared to ECS in the region, labelled as ECS labels images shared by another account
 * (ram-api.md 3.5), with ECS's doubly wrapped lists. Public ECS images are not modelled.
 */
final class EcsBindings {
    static final String PRODUCT = "ecs";
    /** The owner ECS shows for SWAS images shared to it (docs/decisions.md). */
    static final long SWAS_SERVICE_ACCOUNT = 1000000000000000L;
    private static final Set<String> ALIASES = Set.of("system", "self", "others", "marketplace");

    private EcsBindings() {
    }

    static void register(ActionRegistry r, CustomImageService images) {
        r.add(PRODUCT, "DescribeImages", (ctx, p, tx) -> {
            String alias = p.string("ImageOwnerAlias");
            if (alias != null && !ALIASES.contains(alias)) {
                throw new ApiException(400, "InvalidImageOwnerAlias.ValueNotSupported",
                        "The specified ImageOwnerAlias value is not supported.");
            }
            String status = p.string("Status") == null ? "Available" : p.string("Status");
            boolean wantsAvailable = status.equals("ALL") || List.of(status.split(",")).contains("Available");
            boolean others = (alias == null || alias.equals("others")) && !Boolean.TRUE.equals(p.bool("IsPublic"));
            List<ImageRecord> all = new ArrayList<>();
            if (others && wantsAvailable) {
                all.addAll(images.sharedToEcs(tx, ctx.caller(p.string("RegionId"))));
            }
            String ids = p.string("ImageId");
            if (ids != null) {
                List<String> wanted = List.of(ids.split(","));
                all.removeIf(i -> !wanted.contains(i.imageId()));
            }
            all.removeIf(i -> p.string("ImageName") != null && !i.imageName().contains(p.string("ImageName")));
            all.removeIf(i -> p.string("OSType") != null
                    && !p.string("OSType").equalsIgnoreCase(i.platform()));
            all.removeIf(i -> p.string("Architecture") != null && !p.string("Architecture").equals("x86_64"));
            all.removeIf(i -> p.string("SnapshotId") != null && !p.string("SnapshotId").equals(i.systemSnapshotId()));
            all.removeIf(i -> p.integer("ImageOwnerId") != null && p.integer("ImageOwnerId") != SWAS_SERVICE_ACCOUNT);
            if (p.objects("Tag") != null) {
                all.clear(); // SWAS tags are not carried over to ECS
            }
            Wire.Paging paging = Wire.Paging.of(p, 10);
            ObjectNode out = Wire.object().put("RegionId", p.string("RegionId"));
            ArrayNode list = out.putObject("Images").putArray("Image");
            for (ImageRecord i : paging.slice(all)) {
                image(list.addObject(), i);
            }
            Wire.page(out, paging, all.size());
            return out;
        });
    }

    private static void image(ObjectNode o, ImageRecord i) {
        o.put("ImageId", i.imageId())
                .put("ImageName", i.imageName())
                .put("Description", i.description())
                .put("ImageOwnerAlias", "others")
                .put("ImageOwnerId", SWAS_SERVICE_ACCOUNT)
                .put("Status", "Available")
                .put("Progress", "100%")
                .put("CreationTime", Wire.time(i.createdAt()))
                .put("OSType", i.platform().toLowerCase(Locale.ROOT))
                .put("Platform", i.platform().equals("Windows") ? "Windows Server 2022" : i.sourceImageName())
                .put("OSName", i.sourceImageName())
                .put("OSNameEn", i.sourceImageName())
                .put("ImageVersion", i.sourceImageVersion())
                .put("Architecture", "x86_64")
                .put("Size", i.systemDiskGib())
                .put("IsSelfShared", "False")
                .put("IsPublic", false)
                .put("IsCopied", false)
                .put("IsSubscribed", false)
                .put("IsSupportCloudinit", true)
                .put("IsSupportIoOptimized", true)
                .put("Usable", true)
                .put("Usage", "instance")
                .put("BootMode", "BIOS")
                .put("ImageFamily", "")
                .put("ProductCode", "")
                .put("ResourceGroupId", "");
        ArrayNode mappings = o.putObject("DiskDeviceMappings").putArray("DiskDeviceMapping");
        mappings.addObject().put("Device", "/dev/xvda").put("Type", "system").put("SnapshotId", i.systemSnapshotId())
                .put("Size", Integer.toString(i.systemDiskGib())).put("Format", "").put("Progress", "100%")
                .put("Encrypted", false);
        if (i.dataSnapshotId() != null) {
            mappings.addObject().put("Device", "/dev/xvdb").put("Type", "data").put("SnapshotId", i.dataSnapshotId())
                    .put("Size", Integer.toString(i.dataDiskGib())).put("Format", "").put("Progress", "100%")
                    .put("Encrypted", false);
        }
        o.putObject("Tags").putArray("Tag");
    }
}
