package dev.swasd.server;

import static dev.swasd.server.InstanceBindings.caller;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swasd.store.TagRecord;
import dev.swasd.swas.TagService;

/** TagResources, UntagResources and ListTagResources. */
final class TagBindings {
    private TagBindings() {
    }

    static void register(ActionRegistry r, TagService tags) {
        r.add(SwasBindings.PRODUCT, "TagResources", (ctx, p, tx) -> {
            tags.tag(tx, caller(ctx, p), p.string("ResourceType"), p.strings("ResourceId"), p.objects("Tag"));
            return Wire.object();
        });
        r.add(SwasBindings.PRODUCT, "UntagResources", (ctx, p, tx) -> {
            tags.untag(tx, caller(ctx, p), p.string("ResourceType"), p.strings("ResourceId"), p.strings("TagKey"),
                    Boolean.TRUE.equals(p.bool("All")));
            return Wire.object();
        });
        r.add(SwasBindings.PRODUCT, "ListTagResources", (ctx, p, tx) -> {
            TagService.TagPage page = tags.list(tx, caller(ctx, p), p.string("ResourceType"), p.strings("ResourceId"),
                    p.objects("Tag"), p.string("NextToken"));
            ObjectNode out = Wire.object().put("NextToken", page.nextToken());
            ArrayNode list = out.putObject("TagResources").putArray("TagResource");
            for (TagRecord t : page.tags()) {
                list.addObject().put("ResourceId", t.resourceId()).put("ResourceType", t.resourceType())
                        .put("TagKey", t.key()).put("TagValue", t.value());
            }
            return out;
        });
    }
}
