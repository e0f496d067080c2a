package dev.swasd.swas.images;

import dev.swasd.store.ImageRecord;
import dev.swasd.store.ImageRepository;
import dev.swasd.store.Tx;
import dev.swasd.swas.Caller;
import dev.swasd.swas.SwasErrors;
import dev.swasd.swas.regions.PublicImage;
import dev.swasd.swas.regions.PublicImages;
import java.util.Optional;

/**
 * What an image id means for a server: a public image, or a custom image the caller owns or
 * was shared — and whether it may be used now. Shared by CreateInstances and ResetSystem.
 */
public final class ImageUse {
    /** The facts a server needs from its image. */
    public record Source(
            String imageId,
            String imageName,
            String imageType,
            String version,
            String platform,
            int systemDiskGib,
            int dataDiskGib,
            ImageRecord custom) {}

    private final PublicImages publicImages;
    private final ImageRepository images;

    public ImageUse(PublicImages publicImages, ImageRepository images) {
        this.publicImages = publicImages;
        this.images = images;
    }

    /** An image the caller may install now; InvalidImageId.NotFound for unknown, deleted or foreign ones. */
    public Source usable(Tx tx, long now, Caller caller, String imageId) {
        Optional<PublicImage> pub = publicImages.find(imageId);
        if (pub.isPresent()) {
            PublicImage p = pub.get();
            return new Source(
                    p.imageId(),
                    p.imageName(),
                    p.imageType(),
                    p.version(),
                    p.platform(),
                    p.requiredDiskSize(),
                    0,
                    null);
        }
        ImageRecord custom = visibleCustom(tx, caller, imageId).orElseThrow(SwasErrors::imageNotFound);
        if (!CustomImageStatus.AVAILABLE.code().equals(custom.status(now))) {
            throw SwasErrors.incorrectImageStatus(imageId);
        }
        return source(custom);
    }

    /** What a server shows as its image, also after the image is deleted. */
    public Source describe(Tx tx, String imageId) {
        Optional<PublicImage> pub = publicImages.find(imageId);
        if (pub.isPresent()) {
            PublicImage p = pub.get();
            return new Source(
                    p.imageId(),
                    p.imageName(),
                    p.imageType(),
                    p.version(),
                    p.platform(),
                    p.requiredDiskSize(),
                    0,
                    null);
        }
        return images.find(tx, imageId)
                .map(ImageUse::source)
                .orElse(new Source(imageId, imageId, "custom", "", "Linux", 0, 0, null));
    }

    public Optional<ImageRecord> visibleCustom(Tx tx, Caller caller, String imageId) {
        return images.find(tx, imageId)
                .filter(i -> !i.deleted() && i.regionId().equals(caller.regionId()))
                .filter(i -> i.accountId().equals(caller.accountId())
                        || images.isSharedWith(tx, i.imageId(), caller.accountId()));
    }

    private static Source source(ImageRecord i) {
        return new Source(
                i.imageId(),
                i.imageName(),
                "custom",
                i.sourceImageVersion(),
                i.platform(),
                i.systemDiskGib(),
                i.dataDiskGib(),
                i);
    }
}
