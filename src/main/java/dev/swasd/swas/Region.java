package dev.swasd.swas;

/** A region the server offers, with its names in both languages ListRegions speaks. */
public record Region(String regionId, String localNameZh, String localNameEn, String endpoint) {
    public String localName(String acceptLanguage) {
        return "en-US".equals(acceptLanguage) ? localNameEn : localNameZh;
    }
}
