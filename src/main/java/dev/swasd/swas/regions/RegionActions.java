package dev.swasd.swas.regions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.swasd.api.Call;
import dev.swasd.api.swasopen.SwasOpenApi;
import dev.swasd.api.swasopen.SwasOpenRequests.ListImagesRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.ListPlansRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.ListRegionsRequest;
import dev.swasd.api.swasopen.SwasOpenResponses.ListImagesResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.ListImagesResponse.Image;
import dev.swasd.api.swasopen.SwasOpenResponses.ListPlansResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.ListRegionsResponse;
import dev.swasd.store.ImageQuery;
import dev.swasd.swas.Regions;
import dev.swasd.swas.images.CustomImageService;
import dev.swasd.swas.images.CustomImageStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What a region offers: ListRegions, ListPlans and ListImages (public images and the caller's custom ones). */
public final class RegionActions implements SwasOpenApi {
    /**
     * The custom images ListImages shows: from the moment CreateCustomImage answers (the Terraform
     * provider reads the new image there at once, and drops it if absent), until it fails or goes.
     */
    private static final Set<String> LISTED =
            Set.of(CustomImageStatus.CREATING.code(), CustomImageStatus.AVAILABLE.code());

    private final Regions regions;
    private final Plans plans;
    private final ImageQueries publicImages;
    private final CustomImageService customImages;

    public RegionActions(Regions regions, Plans plans, ImageQueries publicImages, CustomImageService customImages) {
        this.regions = regions;
        this.plans = plans;
        this.publicImages = publicImages;
        this.customImages = customImages;
    }

    @Override
    public ListRegionsResponse listRegions(Call call, ListRegionsRequest r) {
        String language = Optional.ofNullable(r.acceptLanguage()).orElse("zh-CN");
        return new ListRegionsResponse(regions.all().stream()
                .map(g -> new ListRegionsResponse.Region(g.localName(language), g.endpoint(), g.regionId()))
                .toList());
    }

    @Override
    public ListPlansResponse listPlans(Call call, ListPlansRequest r) {
        regions.require(r.regionId());
        return new ListPlansResponse(
                plans.all().stream().map(RegionActions::plan).toList());
    }

    private static ListPlansResponse.Plan plan(Plan p) {
        return ListPlansResponse.Plan.builder()
                .planId(p.planId())
                .core(p.core())
                .memory(wholeOrFraction(p.memory()))
                .diskSize(p.diskSize())
                .diskType(p.diskType())
                .bandwidth(p.bandwidth())
                .flow(p.flow())
                .originPrice(p.originPrice())
                .currency(p.currency())
                .supportPlatform(jsonArrayText(p.supportPlatform()))
                .planType(p.planType())
                .ispType(p.ispType())
                .publicIpNum(p.publicIpNum())
                .tags(List.of())
                .build();
    }

    /** Memory is a JSON integer where it is whole (1, 2, 4 GiB) and a fraction only where it is not. */
    public static Number wholeOrFraction(double gib) {
        return gib == Math.rint(gib) ? (Number) (int) gib : (Number) gib;
    }

    /** SupportPlatform is JSON array text inside a string, as the service sends it. */
    public static String jsonArrayText(List<String> items) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        items.forEach(a::add);
        return a.toString();
    }

    @Override
    public ListImagesResponse listImages(Call call, ListImagesRequest r) {
        List<Image> out = new ArrayList<>();
        for (PublicImage i : publicImages.listImages(
                r.regionId(), Optional.ofNullable(r.imageType()), Optional.ofNullable(r.imageIds()))) {
            out.add(new Image(i.description(), i.imageId(), i.imageName(), i.imageType(), i.platform()));
        }
        if (r.imageType() == null || r.imageType().equals("custom")) {
            CustomImageService.ImagePage mine = customImages.list(
                    call.tx(),
                    call.now(),
                    new ImageQuery(
                            call.accountId(),
                            r.regionId(),
                            r.imageIds(),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            0,
                            Integer.MAX_VALUE));
            for (CustomImageService.ImageView v : mine.images()) {
                if (!LISTED.contains(v.status())) {
                    continue;
                }
                out.add(new Image(
                        v.record().description(),
                        v.record().imageId(),
                        v.record().imageName(),
                        "custom",
                        v.record().platform()));
            }
        }
        return new ListImagesResponse(out);
    }
}
