package dev.swasd.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.swasd.catalog.Catalog;
import dev.swasd.catalog.OperationDef;
import dev.swasd.catalog.Product;
import dev.swasd.errors.ApiException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterValidatorTest {
    private final Product swas = Catalog.standard().product("swas-open");

    private ValidatedParams ok(String action, String... kv) {
        return ParameterValidator.validate(swas.operation(action), map(kv));
    }

    private ApiException bad(String action, String... kv) {
        OperationDef op = swas.operation(action);
        ApiException e = catchThrowableOfType(ApiException.class, () -> ParameterValidator.validate(op, map(kv)));
        assertThat(e).as("expected a validation error").isNotNull();
        return e;
    }

    private static Map<String, String> map(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void missingRequiredParameterIsNamedInTheCode() {
        ApiException e = bad("DeleteCustomImages", "ImageIds", "[\"m-a\"]");
        assertThat(e.error().code()).isEqualTo("MissingRegionId");
        assertThat(e.error().httpStatus()).isEqualTo(400);
        assertThat(e.error().message()).isEqualTo("RegionId is mandatory for this action.");
        assertThat(bad("DeleteCustomImages", "RegionId", "cn-hangzhou", "ImageIds", "")
                        .error()
                        .code())
                .isEqualTo("MissingImageIds");
    }

    @Test
    void imageIdsAcceptJsonArrayAndCommaList() {
        assertThat(ok("DeleteCustomImages", "RegionId", "r", "ImageIds", "[\"m-a\", \"m-b\"]")
                        .strings("ImageIds"))
                .containsExactly("m-a", "m-b");
        assertThat(ok("DeleteCustomImages", "RegionId", "r", "ImageIds", "m-a,m-b")
                        .strings("ImageIds"))
                .containsExactly("m-a", "m-b");
        assertThat(ok("DeleteCustomImages", "RegionId", "r", "ImageIds", "m-a").strings("ImageIds"))
                .containsExactly("m-a");
    }

    @Test
    void malformedEmptyOrOversizedImageIdsNameTheParameter() {
        for (String value :
                List.of("[\"m-a\"", "[]", "[1,2]", "[\"m-a\",\"\"]", "m-a,,m-b", "{\"a\":1}", sixteenIds())) {
            ApiException e = bad("DeleteCustomImages", "RegionId", "r", "ImageIds", value);
            assertThat(e.error().code()).as(value).isEqualTo("InvalidParameter");
            assertThat(e.error().message()).as(value).contains("\"ImageIds\"");
        }
    }

    private static String sixteenIds() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 16; i++) {
            sb.append(i == 0 ? "" : ",").append("\"m-").append(i).append('"');
        }
        return sb.append(']').toString();
    }

    @Test
    void typesLengthsAndEnumerations() {
        assertThat(bad("ListCustomImages", "RegionId", "r", "PageSize", "ten")
                        .error()
                        .message())
                .contains("PageSize");
        assertThat(bad("ListCustomImages", "RegionId", "r", "PageSize", "101")
                        .error()
                        .code())
                .isEqualTo("InvalidParameter");
        assertThat(bad("ListCustomImages", "RegionId", "r", "PageNumber", "0")
                        .error()
                        .code())
                .isEqualTo("InvalidParameter");
        assertThat(ok("ListCustomImages", "RegionId", "r").integer("PageSize")).isEqualTo(10L);
        assertThat(ok("ListCustomImages", "RegionId", "r", "PageSize", "100").integer("PageSize"))
                .isEqualTo(100L);
        assertThat(bad("ListRegions", "AcceptLanguage", "fr-FR").error().message())
                .contains("zh-CN, en-US");
        assertThat(bad("DeleteCustomImages", "RegionId", "r", "ImageIds", "m-a", "ClientToken", "x".repeat(65))
                        .error()
                        .message())
                .contains("ClientToken")
                .contains("64");
        assertThat(bad("DeleteCustomImages", "RegionId", "r", "ImageIds", "m-a", "ClientToken", "ü")
                        .error()
                        .message())
                .contains("ASCII");
        assertThat(bad("CreateCustomImage", "RegionId", "r", "InstanceId", "i", "ImageName", "a")
                        .error()
                        .message())
                .contains("ImageName");
        assertThat(ok("RebootInstances", "RegionId", "r", "InstanceIds", "[\"i\"]", "ForceReboot", "TRUE")
                        .bool("ForceReboot"))
                .isTrue();
        assertThat(bad("StopInstances", "RegionId", "r", "InstanceIds", "[\"i\"]", "ForceStop", "yes")
                        .error()
                        .message())
                .contains("ForceStop");
    }

    @Test
    void repeatListsAndObjects() {
        ValidatedParams p =
                ok("ListCustomImages", "RegionId", "r", "Tag.1.Key", "env", "Tag.1.Value", "a b", "Tag.2.Key", "team");
        assertThat(p.objects("Tag")).containsExactly(Map.of("Key", "env", "Value", "a b"), Map.of("Key", "team"));
        assertThat(ok("AddCustomImageShareAccount", "RegionId", "r", "ImageId", "m", "Account.1", "1234567890123456")
                        .integers("Account"))
                .containsExactly(1234567890123456L);
        assertThat(bad("AddCustomImageShareAccount", "RegionId", "r", "ImageId", "m", "Account.1", "abc")
                        .error()
                        .message())
                .contains("Account.1");
        assertThat(bad("AddCustomImageShareAccount", "RegionId", "r", "ImageId", "m")
                        .error()
                        .code())
                .isEqualTo("MissingAccount");
        assertThat(bad("ListCustomImages", "RegionId", "r", "Tag.x.Key", "env")
                        .error()
                        .message())
                .contains("Tag.x.Key");
        assertThat(bad("ListCustomImages", "RegionId", "r", "Tag.1.Colour", "red")
                        .error()
                        .message())
                .contains("Tag.1.Colour");
        assertThat(bad("ListCustomImages", "RegionId", "r", "Tag.1.Key", "k".repeat(65))
                        .error()
                        .message())
                .contains("64");
        Map<String, String> tooMany =
                new HashMap<>(Map.of("RegionId", "r", "ResourceType", "instance", "ResourceId.1", "i"));
        for (int i = 1; i <= 21; i++) {
            tooMany.put("Tag." + i + ".Key", "k" + i);
        }
        OperationDef tagResources = swas.operation("TagResources");
        assertThat(catchThrowableOfType(ApiException.class, () -> ParameterValidator.validate(tagResources, tooMany))
                        .error()
                        .message())
                .contains("at most 20");
        assertThat(ok("ResetSystem", "RegionId", "r", "InstanceId", "i", "LoginCredentials.Password", "Pw-123456")
                        .object("LoginCredentials"))
                .containsEntry("Password", "Pw-123456");
    }

    @Test
    void everyListTakesTheRepeatFormAndJsonText() {
        assertThat(ok("DeleteCustomImages", "RegionId", "r", "ImageIds.1", "m-a", "ImageIds.2", "m-b")
                        .strings("ImageIds"))
                .containsExactly("m-a", "m-b");
        assertThat(ok("ListDisks", "RegionId", "r", "DiskIds.1", "d-one").strings("DiskIds"))
                .containsExactly("d-one");
        assertThat(ok(
                                "AddCustomImageShareAccount",
                                "RegionId",
                                "r",
                                "ImageId",
                                "m",
                                "Account",
                                "[1234567890123456, \"2000000000000002\"]")
                        .integers("Account"))
                .containsExactly(1234567890123456L, 2000000000000002L);
        assertThat(ok(
                                "TagResources",
                                "RegionId",
                                "r",
                                "ResourceType",
                                "instance",
                                "ResourceId",
                                "[\"i\"]",
                                "Tag",
                                "[{\"Key\":\"env\",\"Value\":\"prod\"},{\"Key\":\"team\"}]")
                        .objects("Tag"))
                .containsExactly(Map.of("Key", "env", "Value", "prod"), Map.of("Key", "team"));
        assertThat(ok(
                                "ResetSystem",
                                "RegionId",
                                "r",
                                "InstanceId",
                                "i",
                                "LoginCredentials",
                                "{\"Password\":\"Pw-123456\"}")
                        .object("LoginCredentials"))
                .containsEntry("Password", "Pw-123456");
        assertThat(ok("ListInstances", "RegionId", "r", "InstanceIds.1", "i-1", "InstanceIds.2", "i-2")
                        .strings("InstanceIds"))
                .containsExactly("i-1", "i-2");
    }

    @Test
    void aFormTheServerDoesNotUnderstandIsAnErrorNeverAWiderResult() {
        assertThat(bad("ListDisks", "RegionId", "r", "DiskIds", "[\"d-a\"]", "DiskIds.1", "d-b")
                        .error()
                        .message())
                .contains("not both");
        assertThat(bad("ListDisks", "RegionId", "r", "InstanceId.1", "i")
                        .error()
                        .message())
                .contains("InstanceId.1")
                .contains("one value");
        assertThat(bad("ListDisks", "RegionId", "r", "DiskIds.1.Id", "d-a")
                        .error()
                        .code())
                .isEqualTo("InvalidParameter");
        assertThat(bad(
                                "TagResources",
                                "RegionId",
                                "r",
                                "ResourceType",
                                "instance",
                                "ResourceId",
                                "[\"i\"]",
                                "Tag",
                                "[{\"Colour\":\"red\"}]")
                        .error()
                        .message())
                .contains("Tag.1.Colour");
        assertThat(bad(
                                "TagResources",
                                "RegionId",
                                "r",
                                "ResourceType",
                                "instance",
                                "ResourceId",
                                "[\"i\"]",
                                "Tag",
                                "{\"Key\":\"k\"}")
                        .error()
                        .message())
                .contains("JSON array of objects");
        assertThat(bad("DeleteCustomImages", "RegionId", "r", "ImageIds.1", "")
                        .error()
                        .message())
                .contains("empty");
    }

    @Test
    void integersAreAsciiDigitsWithAnOptionalMinus() {
        assertThat(ParameterValidator.asciiInteger("5")).isEqualTo(5L);
        assertThat(ParameterValidator.asciiInteger("-12")).isEqualTo(-12L);
        assertThat(ParameterValidator.asciiInteger("999999999999999999")).isEqualTo(999_999_999_999_999_999L);
        for (String notOne : List.of(
                "", "-", "+5", " 5", "5 ", "\u0665", "\uff15", "0x5", "1e3", "1.0", "--1", "9999999999999999999")) {
            assertThat(ParameterValidator.asciiInteger(notOne))
                    .as("[%s]", notOne)
                    .isNull();
        }
        ApiException index = bad(
                "TagResources",
                "RegionId",
                "cn-hangzhou",
                "ResourceType",
                "instance",
                "ResourceId.+1",
                "i-a",
                "Tag.1.Key",
                "k");
        assertThat(index.error().message()).contains("ResourceId.+1");
    }

    @Test
    void charactersNoXmlCanHoldAreRefusedEverywhere() {
        for (String value : List.of("a\u0001b", "\u0000", "x\u007f", "\uFFFE", "\uD800", "a\uDC00")) {
            ApiException tag = bad(
                    "TagResources",
                    "RegionId",
                    "cn-hangzhou",
                    "ResourceType",
                    "instance",
                    "ResourceId.1",
                    "i-a",
                    "Tag.1.Key",
                    "k",
                    "Tag.1.Value",
                    value);
            assertThat(tag.error().code()).isEqualTo("InvalidParameter");
            assertThat(tag.error().message()).contains("Tag.1.Value");
            assertThat(bad("ListCustomImages", "RegionId", "cn-hangzhou", "ImageIds", "[\"m-" + value + "\"]")
                            .error()
                            .message())
                    .contains("ImageIds");
        }
        // tab, line feed, carriage return and any paired surrogate are text
        ok(
                "TagResources",
                "RegionId",
                "cn-hangzhou",
                "ResourceType",
                "instance",
                "ResourceId.1",
                "i-a",
                "Tag.1.Key",
                "k",
                "Tag.1.Value",
                "a\tb\nc\r\uD83D\uDE00");
    }
}
