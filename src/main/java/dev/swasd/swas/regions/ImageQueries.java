package dev.swasd.swas.regions;

import dev.swasd.swas.Regions;
import java.util.List;
import java.util.Optional;

/** ListImages: the public images of a region, filtered by type and id. */
public final class ImageQueries {
    private final Regions regions;
    private final PublicImages images;

    public ImageQueries(Regions regions, PublicImages images) {
        this.regions = regions;
        this.images = images;
    }

    /**
     * Unknown ids yield no entry, not an error, as the service does (swas-images.md 7.10).
     * Custom images arrive with the custom-image lifecycle; until an account has made one,
     * {@code custom} matches nothing.
     */
    public List<PublicImage> listImages(String regionId, Optional<String> imageType, Optional<List<String>> imageIds) {
        regions.require(regionId);
        return images.all().stream()
                .filter(i -> imageType.map(t -> t.equals(i.imageType())).orElse(true))
                .filter(i -> imageIds.map(ids -> ids.contains(i.imageId())).orElse(true))
                .toList();
    }
}
