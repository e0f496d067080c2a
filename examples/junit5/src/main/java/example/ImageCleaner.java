package example;

import java.util.List;

/** The code under test: deletes custom images, backing off and retrying while SWAS throttles. */
public final class ImageCleaner {
    private final SwasClient swas;
    private final String regionId;
    private final int maxAttempts;
    private int attempts;

    public ImageCleaner(SwasClient swas, String regionId, int maxAttempts) {
        this.swas = swas;
        this.regionId = regionId;
        this.maxAttempts = maxAttempts;
    }

    /** Deletes {@code imageIds} in one DeleteCustomImages call, retried on throttling. */
    public void delete(List<String> imageIds) throws Exception {
        String ids = "[\"" + String.join("\",\"", imageIds) + "\"]";
        for (int attempt = 1; ; attempt++) {
            attempts++;
            try {
                swas.call("DeleteCustomImages", "RegionId", regionId, "ImageIds", ids);
                return;
            } catch (Exception e) {
                if (!SwasClient.retryable(e) || attempt == maxAttempts) {
                    throw e;
                }
                Thread.sleep(10L * attempt);
            }
        }
    }

    /** Calls made so far, retries included. */
    public int attempts() {
        return attempts;
    }
}
