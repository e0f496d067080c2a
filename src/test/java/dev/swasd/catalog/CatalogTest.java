package dev.swasd.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.SharedFiles;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class CatalogTest {
    private final Product swas = Catalog.standard().product("swas-open");

    @Test
    void knowsEveryActionOfTheSpecification() throws IOException {
        var spec = new ObjectMapper()
                .readTree(SharedFiles.root().resolve("spec/actions.json").toFile());
        assertThat(spec.path("actionCount").asInt()).isEqualTo(98);
        spec.path("actions")
                .forEach(a ->
                        assertThat(swas.operation(a.path("action").asText())).isNotNull());
        // beyond the SDK model: the extension actions real clients call, and nothing else
        assertThat(swas.operations()).hasSize(98 + 2).containsKeys("CreateDisk", "ListRequestLogs");
        assertThat(swas.operation("ListRequestLogs").readOnly()).isTrue();
        assertThat(swas.operation("ListRequestLogs").param("PageSize").max()).isEqualTo(100L);
        assertThat(swas.operation("CreateDisk").readOnly()).isFalse();
        assertThat(swas.operation("CreateDisk").param("DiskSize").required()).isTrue();
        assertThat(swas.version()).isEqualTo("2020-06-01");
    }

    @Test
    void routesByVersion() {
        Catalog c = Catalog.standard();
        assertThat(c.productForVersion("2020-06-01")).contains(swas);
        assertThat(c.productForVersion("2014-05-26").map(Product::code)).contains("ecs");
        assertThat(c.productForVersion("2099-01-01")).isEmpty();
    }

    @Test
    void deleteCustomImagesTakesAJsonArrayOfAtMostFifteen() {
        ParamDef ids = swas.operation("DeleteCustomImages").param("ImageIds");
        assertThat(ids.kind()).isEqualTo(ParamKind.JSON_ARRAY);
        assertThat(ids.required()).isTrue();
        assertThat(ids.maxItems()).isEqualTo(15);
        assertThat(swas.operation("DeleteCustomImages").param("ClientToken").maxLength())
                .isEqualTo(64);
    }

    @Test
    void listEncodingsComeFromTheSpecification() {
        assertThat(swas.operation("AddCustomImageShareAccount").param("Account").kind())
                .isEqualTo(ParamKind.REPEAT_LIST);
        assertThat(swas.operation("AddCustomImageShareAccount").param("Account").itemType())
                .isEqualTo(ParamKind.INTEGER);
        ParamDef tag = swas.operation("ListCustomImages").param("Tag");
        assertThat(tag.kind()).isEqualTo(ParamKind.REPEAT_OBJECT_LIST);
        assertThat(tag.maxItems()).isEqualTo(20);
        assertThat(tag.fields()).extracting(ParamDef.FieldDef::maxLength).containsOnly(64);
        assertThat(swas.operation("ResetSystem").param("LoginCredentials").kind())
                .isEqualTo(ParamKind.FLATTENED_OBJECT);
        assertThat(swas.operation("DeleteFirewallRules").param("RuleIds").kind())
                .isEqualTo(ParamKind.COMMA_LIST);
        assertThat(swas.operation("CreateFirewallRules").param("FirewallRules").kind())
                .isEqualTo(ParamKind.JSON_VALUE);
        assertThat(swas.operation("ListCustomImages").param("PageSize").max()).isEqualTo(100L);
    }

    @Test
    void shareOperationIsLeftToTheDomainsOwnError() {
        assertThat(swas.operation("ModifyImageShareStatus").param("Operation").enumValues())
                .isEmpty();
        assertThat(swas.operation("ListRegions").param("AcceptLanguage").enumValues())
                .containsExactly("zh-CN", "en-US");
    }
}
