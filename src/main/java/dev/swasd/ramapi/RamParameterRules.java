package dev.swasd.ramapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swasd.errors.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * RAM's format checks on request parameters (ram-api.md 1.3), each answering its own
 * {@code InvalidParameter.<Name>.*} code. They run before authorization, as RAM does: the
 * check order of ram-api.md 1.6 is format, then authorization, then existence.
 */
public final class RamParameterRules {
    /** Order in which parameters are checked; the first failure answers. */
    private static final List<String> ORDER = List.of(
            "UserName",
            "NewUserName",
            "DisplayName",
            "NewDisplayName",
            "MobilePhone",
            "NewMobilePhone",
            "Email",
            "NewEmail",
            "Comments",
            "NewComments",
            "GroupName",
            "PolicyType",
            "PolicyName",
            "PolicyDocument",
            "Description",
            "VersionId",
            "MaxItems",
            "ResourceGroupId");

    private static final Pattern ENTITY_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern POLICY_NAME = Pattern.compile("[A-Za-z0-9-]+");
    private static final Pattern MOBILE = Pattern.compile("\\d{1,4}-\\d{4,20}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern VERSION_ID = Pattern.compile("v[1-9][0-9]{0,8}");
    public static final int MAX_DOCUMENT = 6144;

    private final PolicyDocumentCheck documents;

    public RamParameterRules(PolicyDocumentCheck documents) {
        this.documents = documents;
    }

    /**
     * Checks every present parameter of a RAM request (MaxItems ceilings are the catalog's).
     *
     * @throws ApiException the first failing check's error
     */
    public void check(Map<String, ?> params) {
        for (String name : ORDER) {
            Object value = params.get(name);
            if (value != null) {
                checkOne(name, value);
            }
        }
    }

    private void checkOne(String name, Object value) {
        switch (name) {
            case "UserName", "NewUserName", "GroupName" -> entityName(name, (String) value, 64);
            case "DisplayName", "NewDisplayName" -> displayName(name, (String) value);
            case "MobilePhone", "NewMobilePhone" -> matches(name, (String) value, MOBILE, 32);
            case "Email", "NewEmail" -> matches(name, (String) value, EMAIL, 128);
            case "Comments", "NewComments" -> maxLength(name, (String) value, 128);
            case "PolicyType" -> policyType((String) value);
            case "PolicyName" -> {
                maxLength(name, (String) value, 128);
                if (!POLICY_NAME.matcher((String) value).matches()) {
                    throw RamErrors.invalidChars(name);
                }
            }
            case "PolicyDocument" -> {
                maxLength(name, (String) value, MAX_DOCUMENT);
                documents.check((String) value);
            }
            case "Description" -> maxLength(name, (String) value, 1024);
            case "VersionId" -> versionNumber((String) value);
            case "MaxItems" -> {
                if ((Long) value < 1) {
                    throw RamErrors.invalidParameter(name, "it must be at least 1.");
                }
            }
            case "ResourceGroupId" ->
                throw RamErrors.invalidParameter(
                        name, "swasd attaches policies to the whole account only; leave ResourceGroupId out.");
            default -> throw new IllegalStateException(name);
        }
    }

    /** {@code PolicyType} must be exactly {@code System} or {@code Custom}. */
    public static void policyType(String value) {
        if (!value.equals("System") && !value.equals("Custom")) {
            throw RamErrors.policyType();
        }
    }

    /**
     * The JSON {@code Tag} parameter of CreatePolicy and ListPolicies:
     * {@code [{"Key":"k","Value":"v"}, ...]}; absent is no tags. Checked when the action runs
     * (after authorization), not with the format checks above.
     */
    public static List<PolicyView.Tag> policyTags(JsonNode json) {
        List<PolicyView.Tag> out = new ArrayList<>();
        if (json == null) {
            return out;
        }
        if (!json.isArray()) {
            throw RamErrors.invalidParameter("Tag", "it must be a JSON array of {\"Key\":…,\"Value\":…} objects.");
        }
        for (JsonNode t : json) {
            String key = t.path("Key").asText("");
            String value = t.path("Value").isMissingNode() || t.path("Value").isNull()
                    ? ""
                    : t.path("Value").asText();
            if (!t.isObject() || key.isEmpty() || key.length() > 128 || value.length() > 128) {
                throw RamErrors.invalidParameter(
                        "Tag", "each tag needs a Key of 1 to 128 characters and a Value of at most 128.");
            }
            out.add(new PolicyView.Tag(key, value));
        }
        return out;
    }

    /** The number of a version id {@code v3} → 3. */
    public static int versionNumber(String versionId) {
        if (!VERSION_ID.matcher(versionId).matches()) {
            throw RamErrors.format("VersionId");
        }
        return Integer.parseInt(versionId.substring(1));
    }

    private static void entityName(String name, String value, int max) {
        maxLength(name, value, max);
        if (!ENTITY_NAME.matcher(value).matches()) {
            throw RamErrors.invalidChars(name);
        }
    }

    private static void displayName(String name, String value) {
        maxLength(name, value, 128);
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw RamErrors.invalidChars(name);
        }
    }

    private static void matches(String name, String value, Pattern pattern, int max) {
        if (length(value) > max || !pattern.matcher(value).matches()) {
            throw RamErrors.format(name);
        }
    }

    private static void maxLength(String name, String value, int max) {
        if (length(value) > max) {
            throw RamErrors.length(name);
        }
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
