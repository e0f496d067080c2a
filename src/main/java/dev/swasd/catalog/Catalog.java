package dev.swasd.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every product version the server speaks, routed by API version: each product has its own
 * version string, so (Version, Action) names one operation.
 */
public final class Catalog {
    /** swas-open actions real clients call that the SDK model lacks (CreateDisk). */
    public static final String SWAS_OPEN_EXTENSIONS = "/catalog/swas-open-extensions.json";
    /** RAM actions swasd adds for its console (SimulatePrincipalPolicy). */
    public static final String RAM_EXTENSIONS = "/catalog/ram-extensions.json";

    private final Map<String, Product> byVersion;

    public Catalog(List<Product> products) {
        this.byVersion = products.stream().collect(Collectors.toUnmodifiableMap(Product::version, Function.identity()));
    }

    /** The catalog shipped with swasd, read from the specification files on the class path. */
    public static Catalog standard() {
        return new Catalog(List.of(
                CatalogLoader.load(
                        "swas-open",
                        "/catalog/swas-open-2020-06-01.json",
                        "/catalog/swas-open-ram.json",
                        SWAS_OPEN_EXTENSIONS),
                CatalogLoader.load("ecs", "/catalog/ecs-2014-05-26.json"),
                CatalogLoader.loadWithExtensions("ram", "/catalog/ram-2015-05-01.json", RAM_EXTENSIONS)));
    }

    public Optional<Product> productForVersion(String version) {
        return Optional.ofNullable(byVersion.get(version));
    }

    /** Every product version the catalog holds. */
    public Collection<Product> products() {
        return byVersion.values();
    }

    public Product product(String code) {
        return byVersion.values().stream()
                .filter(p -> p.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no product " + code));
    }
}
