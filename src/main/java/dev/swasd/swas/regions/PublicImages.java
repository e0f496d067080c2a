package dev.swasd.swas.regions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The system and application images offered in every region. Ids are 32 lower-case hex
 * characters, as the service's are, derived from the name so they are the same on every start
 * and every node.
 */
public final class PublicImages {
    private final List<PublicImage> images;

    public PublicImages(List<PublicImage> images) {
        this.images = List.copyOf(images);
    }

    public static PublicImages defaults() {
        return new PublicImages(List.of(
                image(
                        "Alibaba Cloud Linux",
                        "system",
                        "Alibaba Cloud Linux 3.2104 LTS 64-bit",
                        "Linux",
                        "3.2104 LTS",
                        20),
                image("CentOS", "system", "CentOS 7.9 64-bit", "Linux", "7.9", 20),
                image("CentOS Stream", "system", "CentOS Stream 9 64-bit", "Linux", "9", 20),
                image("Ubuntu", "system", "Ubuntu 22.04 64-bit", "Linux", "22.04", 20),
                image("Ubuntu", "system", "Ubuntu 24.04 64-bit", "Linux", "24.04", 20),
                image("Debian", "system", "Debian 12.6 64-bit", "Linux", "12.6", 20),
                image("Rocky Linux", "system", "Rocky Linux 9.4 64-bit", "Linux", "9.4", 20),
                image(
                        "Windows Server 2022",
                        "system",
                        "Windows Server 2022 Datacenter 64-bit (Chinese)",
                        "Windows",
                        "2022",
                        40),
                image(
                        "Windows Server 2019",
                        "system",
                        "Windows Server 2019 Datacenter 64-bit (Chinese)",
                        "Windows",
                        "2019",
                        40),
                image("WordPress", "app", "WordPress 6.4.3 on Alibaba Cloud Linux 3", "Linux", "6.4.3", 20),
                image("LAMP", "app", "LAMP 8.2 (Linux, Apache 2.4, MySQL 8.0, PHP 8.2)", "Linux", "8.2", 20),
                image("Node.js", "app", "Node.js 20.12 LTS on Alibaba Cloud Linux 3", "Linux", "20.12", 20),
                image("Docker CE", "app", "Docker CE 26.1 on Alibaba Cloud Linux 3", "Linux", "26.1", 20),
                image("BT-Panel", "app", "BT-Panel 8.0 (宝塔 Linux 面板)", "Linux", "8.0", 20),
                image("Nextcloud", "app", "Nextcloud 28 on Ubuntu 22.04", "Linux", "28", 20)));
    }

    private static PublicImage image(
            String name, String type, String description, String platform, String version, int disk) {
        String imageName = type.equals("app") ? name + "-" + version : name;
        return new PublicImage(idFor(description), imageName, type, description, platform, platform, version, disk);
    }

    static String idFor(String seed) {
        try {
            byte[] d =
                    MessageDigest.getInstance("MD5").digest(("swasd-image:" + seed).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<PublicImage> all() {
        return images;
    }

    public Optional<PublicImage> find(String imageId) {
        return images.stream().filter(i -> i.imageId().equals(imageId)).findFirst();
    }
}
