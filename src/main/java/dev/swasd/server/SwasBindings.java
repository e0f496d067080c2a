package dev.swasd.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swasd.protocol.ResponseRenderer;
import dev.swasd.store.ImageQuery;
import dev.swasd.swas.CustomImageService;
import dev.swasd.swas.CustomImageStatus;
import dev.swasd.swas.ImageQueries;
import dev.swasd.swas.Plan;
import dev.swasd.swas.Plans;
import dev.swasd.swas.PublicImage;
import dev.swasd.swas.Region;
import dev.swasd.swas.Regions;
import java.util.List;
import java.util.Optional;

/**
 * Wire shapes of the swas-open actions: field names, nesting and wire types exactly as
 * spec/actions.json declares them, filled from domain results.
 */
final class SwasBindings {
    static final String PRODUCT = "swas-open";

    private SwasBindings() {
    }

    static void register(ActionRegistry registry, Regions regions, Plans plans, ImageQueries images,
            CustomImageService customImages) {
        registry.add(PRODUCT, "ListRegions", (ctx, p, tx) -> {
            String language = Optional.ofNullable(p.string("AcceptLanguage")).orElse("zh-CN");
            ObjectNode out = object();
            ArrayNode list = out.putArray("Regions");
            for (Region r : regions.all()) {
                list.addObject()
                        .put("RegionId", r.regionId())
                        .put("LocalName", r.localName(language))
                        .put("RegionEndpoint", r.endpoint());
            }
            return out;
        });
        registry.add(PRODUCT, "ListPlans", (ctx, p, tx) -> {
            regions.require(p.string("RegionId"));
            ObjectNode out = object();
            ArrayNode list = out.putArray("Plans");
            for (Plan plan : plans.all()) {
                ObjectNode o = list.addObject()
                        .put("PlanId", plan.planId())
                        .put("Core", plan.core());
                if (plan.memory() == Math.rint(plan.memory())) {
                    o.put("Memory", (int) plan.memory());
                } else {
                    o.put("Memory", plan.memory());
                }
                o.put("DiskSize", plan.diskSize())
                        .put("DiskType", plan.diskType())
                        .put("Bandwidth", plan.bandwidth())
                        .put("Flow", plan.flow())
                        .put("OriginPrice", plan.originPrice())
                        .put("Currency", plan.currency())
                        .put("SupportPlatform", toJsonArrayText(plan))
                        .put("PlanType", plan.planType())
                        .put("IspType", plan.ispType())
                        .put("PublicIpNum", plan.publicIpNum());
                o.putArray("Tags");
            }
            return out;
        });
        registry.add(PRODUCT, "ListImages", (ctx, p, tx) -> {
            ObjectNode out = object();
            ArrayNode list = out.putArray("Images");
            for (PublicImage i : images.listImages(p.string("RegionId"), Optional.ofNullable(p.string("ImageType")),
                    Optional.ofNullable(p.strings("ImageIds")))) {
                list.addObject()
                        .put("ImageId", i.imageId())
                        .put("ImageName", i.imageName())
                        .put("ImageType", i.imageType())
                        .put("Description", i.description())
                        .put("Platform", i.platform());
            }
            String type = p.string("ImageType");
            if (type == null || type.equals("custom")) {
                List<String> ids = p.strings("ImageIds");
                CustomImageService.ImagePage mine = customImages.list(tx, ctx.now(), new ImageQuery(ctx.accountId(),
                        p.string("RegionId"), ids, null, null, null, null, null, null, null, 0, Integer.MAX_VALUE));
                for (CustomImageService.ImageView v : mine.images()) {
                    if (!CustomImageStatus.AVAILABLE.code().equals(v.status())) {
                        continue; // usable images only, as ListImages lists what a server can be made from
                    }
                    list.addObject()
                            .put("ImageId", v.record().imageId())
                            .put("ImageName", v.record().imageName())
                            .put("ImageType", "custom")
                            .put("Description", v.record().description())
                            .put("Platform", v.record().platform());
                }
            }
            return out;
        });
    }

    /** SupportPlatform is JSON array text inside a string, as the service sends it. */
    private static String toJsonArrayText(Plan plan) {
        ArrayNode a = ResponseRenderer.json().createArrayNode();
        plan.supportPlatform().forEach(a::add);
        return a.toString();
    }

    private static ObjectNode object() {
        return ResponseRenderer.json().createObjectNode();
    }
}
