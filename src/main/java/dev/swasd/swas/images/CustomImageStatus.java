package dev.swasd.swas.images;

/** The custom-image status codes of ListCustomImages, which the service sends as strings. */
public enum CustomImageStatus {
    COPYING("0"),
    AVAILABLE("1"),
    UNAVAILABLE("2"),
    CREATION_FAILED("3"),
    CREATING("4");

    private final String code;

    CustomImageStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
