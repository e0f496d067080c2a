package dev.swasd.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Limits the service documents in prose but the SDK model does not carry (spec/swas-images.md):
 * tag keys and values at most 64 characters and at most 20 tags a call, client tokens at most 64
 * characters. Applied to every product's parameters while the catalog is built.
 */
final class CommonRules {
    static final int TAG_TEXT_MAX = 64;
    static final int TAGS_MAX = 20;
    static final int CLIENT_TOKEN_MAX = 64;

    private CommonRules() {}

    static ParamDef refine(String product, ParamDef p) {
        if (p.name().equals("ClientToken") && p.maxLength() == null) {
            return with(p, p.fields(), CLIENT_TOKEN_MAX, p.maxItems(), p.enumValues());
        }
        if (p.name().equals("Tag") && p.kind() == ParamKind.REPEAT_OBJECT_LIST) {
            List<ParamDef.FieldDef> fields = new ArrayList<>();
            for (ParamDef.FieldDef f : p.fields()) {
                fields.add(new ParamDef.FieldDef(
                        f.name(), f.kind(), f.maxLength() == null ? TAG_TEXT_MAX : f.maxLength(), f.enumValues()));
            }
            return with(p, fields, p.maxLength(), p.maxItems() == null ? TAGS_MAX : p.maxItems(), p.enumValues());
        }
        if (product.equals("swas-open")
                && (p.name().equals("DiskType") || p.name().equals("SourceDiskType"))) {
            // the SDK's enum is lower case, the service's answers and the Terraform provider say
            // System and Data: filters take both (docs/decisions.md)
            List<String> both = new ArrayList<>(p.enumValues());
            p.enumValues().forEach(v -> both.add(Character.toUpperCase(v.charAt(0)) + v.substring(1)));
            return with(p, p.fields(), p.maxLength(), p.maxItems(), both);
        }
        if (product.equals("swas-open") && p.name().equals("Operation")) {
            // ModifyImageShareStatus answers its own documented code (InvalidParam.OperationIllegal)
            // for a bad Operation, so the generic enum check must not pre-empt it.
            return with(p, p.fields(), p.maxLength(), p.maxItems(), List.of());
        }
        if (product.equals("swas-open") && p.name().equals("RuleProtocol")) {
            // firewall rules take the Terraform provider's Tcp, Udp, TcpAndUdp too, in any case, and
            // answer their own InvalidProtocol.ValueNotSupported (spec/swas-breadth.md G1, 1.4 item 7)
            return with(p, p.fields(), p.maxLength(), p.maxItems(), List.of());
        }
        if (product.equals("swas-open")
                && p.kind() == ParamKind.REPEAT_OBJECT_LIST
                && (p.name().equals("FirewallRule") || p.name().equals("FirewallTemplateRule"))) {
            // firewall-template rules (FirewallRule.N.RuleProtocol ...) are checked as server rules
            // are, with the same spellings and InvalidProtocol.ValueNotSupported
            List<ParamDef.FieldDef> fields = new ArrayList<>();
            for (ParamDef.FieldDef f : p.fields()) {
                fields.add(
                        f.name().equals("RuleProtocol")
                                ? new ParamDef.FieldDef(f.name(), f.kind(), f.maxLength(), List.of())
                                : f);
            }
            return with(p, fields, p.maxLength(), p.maxItems(), p.enumValues());
        }
        if (product.equals("ecs") && (p.name().equals("Status") || p.name().equals("ImageOwnerAlias"))) {
            // DescribeImages: Status takes a comma list, and a bad alias has its own documented code
            return with(p, p.fields(), p.maxLength(), p.maxItems(), List.of());
        }
        if (product.equals("ram")
                && p.kind() == ParamKind.STRING
                && !p.name().equals("Status")
                && !p.name().equals("RotateStrategy")) {
            // RAM answers its own InvalidParameter.<Name>.Length / .InvalidChars and
            // InvalidParameter.PolicyType codes (ram-api.md 1.6); the domain checks those
            return new ParamDef(
                    p.name(),
                    p.kind(),
                    p.itemType(),
                    p.required(),
                    null,
                    null,
                    p.maxItems(),
                    p.max(),
                    List.of(),
                    p.defaultValue(),
                    p.fields());
        }
        return p;
    }

    private static ParamDef with(
            ParamDef p, List<ParamDef.FieldDef> fields, Integer maxLength, Integer maxItems, List<String> enumValues) {
        return new ParamDef(
                p.name(),
                p.kind(),
                p.itemType(),
                p.required(),
                p.minLength(),
                maxLength,
                maxItems,
                p.max(),
                enumValues,
                p.defaultValue(),
                fields);
    }
}
