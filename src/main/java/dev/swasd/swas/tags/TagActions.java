package dev.swasd.swas.tags;

import dev.swasd.api.Call;
import dev.swasd.api.swasopen.SwasOpenApi;
import dev.swasd.api.swasopen.SwasOpenRequests.ListTagResourcesRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.TagResourcesRequest;
import dev.swasd.api.swasopen.SwasOpenRequests.UntagResourcesRequest;
import dev.swasd.api.swasopen.SwasOpenResponses.ListTagResourcesResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.ListTagResourcesResponse.TagResources;
import dev.swasd.api.swasopen.SwasOpenResponses.ListTagResourcesResponse.TagResources.TagResource;
import dev.swasd.api.swasopen.SwasOpenResponses.TagResourcesResponse;
import dev.swasd.api.swasopen.SwasOpenResponses.UntagResourcesResponse;
import dev.swasd.swas.Caller;
import dev.swasd.swas.Shapes;

/** TagResources, UntagResources and ListTagResources, over every taggable resource type. */
public final class TagActions implements SwasOpenApi {
    private final TagService tags;

    public TagActions(TagService tags) {
        this.tags = tags;
    }

    @Override
    public TagResourcesResponse tagResources(Call call, TagResourcesRequest r) {
        tags.tag(
                call.tx(),
                Caller.of(call, r.regionId()),
                r.resourceType(),
                r.resourceId(),
                Shapes.tagMaps(r.tag(), TagResourcesRequest.Tag::key, TagResourcesRequest.Tag::value));
        return new TagResourcesResponse();
    }

    @Override
    public UntagResourcesResponse untagResources(Call call, UntagResourcesRequest r) {
        tags.untag(
                call.tx(),
                Caller.of(call, r.regionId()),
                r.resourceType(),
                r.resourceId(),
                r.tagKey(),
                Boolean.TRUE.equals(r.all()));
        return new UntagResourcesResponse();
    }

    @Override
    public ListTagResourcesResponse listTagResources(Call call, ListTagResourcesRequest r) {
        TagService.TagPage page = tags.list(
                call.tx(),
                Caller.of(call, r.regionId()),
                r.resourceType(),
                r.resourceId(),
                r.tag() == null
                        ? null
                        : Shapes.tagMaps(r.tag(), ListTagResourcesRequest.Tag::key, ListTagResourcesRequest.Tag::value),
                r.nextToken());
        return new ListTagResourcesResponse(
                page.nextToken(),
                new TagResources(page.tags().stream()
                        .map(t -> new TagResource(t.resourceId(), t.resourceType(), t.key(), t.value()))
                        .toList()));
    }
}
