#!/usr/bin/env python3
"""Generates src/main/resources/catalog/swas-open-ram.json from the action table of
shared/spec/ram.md, section 8 ("swas-open actions"). Run once when ram.md changes:

    python3 scripts/ram-bindings-from-spec.py ../shared/spec/ram.md > src/main/resources/catalog/swas-open-ram.json

The table is copied as published (including its quirks, e.g. StartInstances' prefix-less
`{#InstanceId}`), except for the few CORRECTIONS below, each with its reason; docs/ram.md lists them.
"""
import json
import re
import sys

ARN_PREFIX = "acs:swas-open:{#regionId}:{#accountId}:"

# action -> (field, value, reason). Applied after parsing; every one is an inferred decision.
CORRECTIONS = {
    "AddCustomImageShareAccount": [
        ("accessLevel", "update",
         "the page shows no access level; RemoveCustomImageShareAccount, its inverse, is 'update'"),
    ],
    "AllocatePublicConnection": [
        ("arnTemplates", [ARN_PREFIX + "databaseinstance/{#DatabaseInstanceId}"],
         "ram.md suggests instance/{#InstanceId}, but the action has no InstanceId parameter: it opens a "
         "public connection of the database instance named by DatabaseInstanceId"),
        ("resourceType", "DatabaseInstance", "follows the corrected ARN"),
    ],
    "ReleasePublicConnection": [
        ("arnTemplates", [ARN_PREFIX + "databaseinstance/{#DatabaseInstanceId}"],
         "as AllocatePublicConnection: the action's only id parameter is DatabaseInstanceId"),
        ("resourceType", "DatabaseInstance", "follows the corrected ARN"),
    ],
    "TagResources": [
        ("arnTemplates", [ARN_PREFIX + "{#ResourceType}/{#ResourceId}"],
         "ram.md writes <type>/{#ResourceId}; ResourceType's values (instance, snapshot, customimage, "
         "command, firewallrule, disk) are exactly the ARN resource-type words"),
    ],
    "UntagResources": [
        ("arnTemplates", [ARN_PREFIX + "{#ResourceType}/{#ResourceId}"], "as TagResources"),
    ],
    "DisableFirewallRule": [
        ("resourceRequired", True,
         "shared/spec/swas-breadth.md section 5 (a newer edition of the page): update, *FirewallRule "
         "firewallrule/{#RuleId}, documented; ram.md section 8 still has the type optional and inferred"),
        ("basis", "documented", "as above: the ARN row was read on the DisableFirewallRule page"),
    ],
    # Firewall templates and console access: shared/spec/swas-breadth.md section 5 read these rows on
    # newer editions of the pages; ram.md section 8 still has them inferred.
    "CreateFirewallTemplate": [
        ("authorization", "all-resources", "shared/spec/swas-breadth.md section 5 (a newer edition of the page): create, * all resources (ram.md: FirewallTemplate firewalltemplate/*)"),
        ("arnTemplates", ["*"], "as above"),
        ("resourceType", None, "as above"),
        ("basis", "documented", "as above"),
    ],
    "ApplyFirewallTemplate": [
        ("arnTemplates", [ARN_PREFIX + "firewalltemplate/{#FirewallTemplateId}", ARN_PREFIX + "instance/{#InstanceId}"],
         "shared/spec/swas-breadth.md section 5 (a newer edition of the page): update, *FirewallTemplate and *Instance (one ARN per server of InstanceIds); ram.md has the template only"),
        ("resourceRequired", True, "as above"),
        ("basis", "documented", "as above"),
    ],
    "DeleteFirewallTemplateRules": [
        ("accessLevel", "delete", "shared/spec/swas-breadth.md section 5 (a newer edition of the page): delete, *FirewallTemplate (ram.md: update)"),
        ("resourceRequired", True, "as above"),
        ("basis", "documented", "as above"),
    ],
    "DeleteFirewallTemplates": [
        ("resourceRequired", True, "shared/spec/swas-breadth.md section 5 (a newer edition of the page): delete, *FirewallTemplate firewalltemplate/{#FirewallTemplateId}"),
        ("basis", "documented", "as above"),
    ],
    "ModifyFirewallTemplate": [
        ("resourceRequired", True, "shared/spec/swas-breadth.md section 5 (a newer edition of the page): update, *FirewallTemplate firewalltemplate/{#FirewallTemplateId}"),
        ("basis", "documented", "as above"),
    ],
    "DescribeFirewallTemplateApplyResults": [
        ("accessLevel", "list", "shared/spec/swas-breadth.md section 5 (a newer edition of the page): list, * all resources (ram.md: get)"),
        ("basis", "documented", "as above"),
    ],
    "DescribeFirewallTemplateRulesApplyResult": [
        ("accessLevel", "list", "shared/spec/swas-breadth.md section 5 (a newer edition of the page): list, *FirewallTemplate and *Instance (ram.md: get, all resources)"),
        ("authorization", "resource", "as above"),
        ("arnTemplates", [ARN_PREFIX + "firewalltemplate/{#FirewallTemplateId}", ARN_PREFIX + "instance/{#InstanceId}"],
         "as above"),
        ("resourceType", "FirewallTemplate", "as above"),
        ("resourceRequired", True, "as above"),
        ("basis", "documented", "as above"),
    ],
    "DescribeInstanceVncUrl": [
        ("resourceRequired", True, "shared/spec/swas-breadth.md section 5 (a newer edition of the page): get, *Instance instance/{#InstanceId}"),
        ("basis", "documented", "as above"),
    ],
    "DescribeInstancePasswordsSetting": [
        ("resourceRequired", True, "shared/spec/swas-breadth.md section 5 (a newer edition of the page): get, *Instance instance/{#InstanceId}"),
        ("basis", "documented", "as above"),
    ],
    "ModifyInstanceVncPassword": [
        ("resourceRequired", True, "shared/spec/swas-breadth.md section 5 (a newer edition of the page): update, *Instance instance/{#InstanceId}"),
        ("basis", "documented", "as above"),
    ],
    "StartTerminalSession": [
        ("accessLevel", "none", "shared/spec/swas-breadth.md section 5 (a newer edition of the page): access level none, * all resources (ram.md: update, Instance)"),
        ("authorization", "all-resources", "as above: still authorized, on the resource '*'"),
        ("arnTemplates", ["*"], "as above"),
        ("resourceType", None, "as above"),
        ("basis", "documented", "as above"),
    ],
    "ListRegions": [
        ("authorization", "none",
         "region discovery needs no permission (project decision): the server does not authorize it, "
         "so no resource ARN is built"),
        ("arnTemplates", [], "no authorization, no resource"),
    ],
}


def section8(text):
    start = text.index("## 8. swas-open actions")
    end = text.index("\n## 9.", start)
    return text[start:end]


def cells(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]


def templates(cell):
    if cell.startswith("—"):
        return None  # "All resources": checked against the literal resource "*"
    first = re.match(r"`([^`]+)`", cell)
    if not first:
        raise SystemExit("cannot read ARN cell: " + cell)
    return [ARN_PREFIX + t.strip() for t in first.group(1).split(";")]


def basis(cell):
    # "D", "I", "D (level, type); ARN I", "D (the operation's own help page ...)"
    if cell.startswith("I") or "ARN I" in cell:
        return "inferred"
    if cell.startswith("D"):
        return "documented"
    raise SystemExit("cannot read basis: " + cell)


def main(path):
    rows = []
    for line in section8(open(path, encoding="utf-8").read()).splitlines():
        if not line.startswith("| ") or line.startswith("| Action") or line.startswith("|---"):
            continue
        action, level, rtype, arn, why = cells(line)
        tpl = templates(arn)
        row = {
            "action": action,
            "ramAction": "swas-open:" + action,
            "accessLevel": None if level.startswith("(") else level,
            "resourceType": None if rtype in ("All resources", "(per ResourceType)") else rtype.replace("*", "").split(" ")[0].split(";")[0],
            "resourceRequired": "*" in rtype,
            "authorization": "all-resources" if tpl is None else "resource",
            "arnTemplates": tpl or ["*"],
            "basis": basis(why),
            "specRow": {"level": level, "resourceType": rtype, "arn": arn, "basis": why},
        }
        for field, value, reason in CORRECTIONS.get(action, []):
            row[field] = value
            row.setdefault("corrections", []).append(field + ": " + reason)
            if field in ("arnTemplates", "authorization"):
                row["basis"] = "inferred"
        rows.append(row)
    if len(rows) != 98:
        raise SystemExit("expected 98 actions in ram.md section 8, found %d" % len(rows))
    out = {
        "product": "swas-open",
        "ramCode": "swas-open",
        "source": "shared/spec/ram.md section 8, generated by scripts/ram-bindings-from-spec.py",
        "notes": [
            "arnTemplates: {#regionId} is the request's RegionId, {#accountId} the caller's account UID; any other "
            "{#Name} is the request parameter Name, or Names when the action only has the plural list parameter; "
            "one ARN per value of a list parameter.",
            "authorization: 'resource' = checked on the ARNs built from arnTemplates; 'all-resources' = the action has "
            "no resource-level permission and is checked on the single resource '*' (arnTemplates [\"*\"]); "
            "'none' = not authorized at all (arnTemplates []).",
            "basis: 'documented' when the ARN row was read on an Alibaba page, 'inferred' otherwise (see specRow).",
        ],
        "actions": sorted(rows, key=lambda r: r["action"]),
    }
    json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/spec/ram.md")
