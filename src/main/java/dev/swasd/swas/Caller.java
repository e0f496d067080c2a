package dev.swasd.swas;

import dev.swasd.api.Call;
import java.util.Objects;

/** Who acts, and where: every domain operation is scoped by account and region. */
public record Caller(String accountId, String regionId) {

    /** The caller of a module's action, in the request's region (settled before any module runs). */
    public static Caller of(Call call, String regionId) {
        return new Caller(call.accountId(), Objects.requireNonNull(regionId, "RegionId"));
    }
}
