package dev.swasd.swas.regions;

/**
 * A system or application image every account may use.
 *
 * @param imageType {@code system} or {@code app}
 * @param platform  {@code Linux} or {@code Windows}
 */
public record PublicImage(
        String imageId,
        String imageName,
        String imageType,
        String description,
        String platform,
        String osType,
        String version,
        int requiredDiskSize) {}
