package dev.swasd.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.swasd.catalog.Catalog;
import dev.swasd.catalog.OperationDef;
import dev.swasd.errors.ApiException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegionDefaultsTest {
    private final OperationDef listInstances =
            Catalog.standard().product("swas-open").operation("ListInstances");
    private final OperationDef listUsers = Catalog.standard().product("ram").operation("ListUsers");

    @Test
    void aRegionalHostNamesTheRegion() {
        assertThat(RegionDefaults.regionOf("swas.cn-shanghai.aliyuncs.com")).isEqualTo("cn-shanghai");
        assertThat(RegionDefaults.regionOf("SWAS.ap-southeast-1.aliyuncs.com:443"))
                .isEqualTo("ap-southeast-1");
        assertThat(RegionDefaults.regionOf("ecs.cn-beijing.aliyuncs.com")).isEqualTo("cn-beijing");
        assertThat(RegionDefaults.regionOf("swas.aliyuncs.com")).isNull();
        assertThat(RegionDefaults.regionOf("127.0.0.1:8080")).isNull();
        assertThat(RegionDefaults.regionOf("swas.cn-shanghai.aliyuncs.com.evil.example"))
                .isNull();
        assertThat(RegionDefaults.regionOf(null)).isNull();
    }

    @Test
    void aMissingRegionIdComesFromTheHostElseTheDefault() {
        assertThat(RegionDefaults.apply(listInstances, Map.of(), "swas.cn-shanghai.aliyuncs.com", "cn-hangzhou"))
                .containsEntry("RegionId", "cn-shanghai");
        assertThat(RegionDefaults.apply(listInstances, Map.of("RegionId", ""), "127.0.0.1:8080", "cn-beijing"))
                .containsEntry("RegionId", "cn-beijing");
        assertThat(RegionDefaults.apply(listInstances, Map.of("RegionId", "eu-west-1"), "127.0.0.1", "cn-beijing"))
                .containsEntry("RegionId", "eu-west-1");
        assertThat(RegionDefaults.apply(listUsers, Map.of(), "swas.cn-shanghai.aliyuncs.com", "cn-hangzhou"))
                .as("an action without RegionId gets none")
                .doesNotContainKey("RegionId");
    }

    @Test
    void aRegionIdTheRegionalHostDoesNotNameIsRefused() {
        ApiException e = catchThrowableOfType(
                ApiException.class,
                () -> RegionDefaults.apply(
                        listInstances,
                        Map.of("RegionId", "cn-hangzhou"),
                        "swas.cn-shanghai.aliyuncs.com",
                        "cn-hangzhou"));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("RegionIdNotMatchHost");
    }
}
