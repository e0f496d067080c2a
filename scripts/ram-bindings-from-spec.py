#!/usr/bin/env python3
"""Generates src/main/resources/catalog/swas-open-ram.json from the action table of
shared/spec/ram.md, section 8 ("swas-open actions"). Run once when ram.md changes:

    python3 scripts/ram-bindings-from-spec.py PATH/TO/shared/spec/ram.md > src/main/resources/catalog/swas-open-ram.json

The table is copied as published (including its quirks, e.g. StartInstances' prefix-less
`{#InstanceId}`), except for the few CORRECTIONS below, each with its reason; docs/ram.md lists them.
"""
import json
import re
import sys

ARN_PREFIX = "acs:swas-open:{#regionId}:{#accountId}:"



def ALL_RESOURCES(level):
    """An action documented as "<level>, * all resources", where ram.md section 8 infers a KeyPair ARN."""
    why = "shared/spec/swas-breadth.md section 5: " + level + ", * all resources (no resource-level permission)"
    return [
        ("resourceType", None, why),
        ("authorization", "all-resources", why),
        ("arnTemplates", ["*"], why),
        ("basis", "documented", "section 5: the row was read on the action's page"),
    ]


# action -> (field, value, reason). Applied after parsing; every one is an inferred decision.
CORRECTIONS = {
    # Cloud Assistant commands: shared/spec/swas-breadth.md section 5 read these rows on newer
    # editions of the pages; ram.md section 8 still has them inferred.
    "DescribeCommands": [
        ("resourceType", "Command", "shared/spec/swas-breadth.md section 5: get, *Command command/* and "
         "command/{#CommandId} (ram.md: all resources)"),
        ("resourceRequired", True, "as above"),
        ("authorization", "resource", "as above"),
        ("arnTemplates", [ARN_PREFIX + "command/*", ARN_PREFIX + "command/{#CommandId}"],
         "as above: command/{#CommandId} when CommandId is given, command/* when not"),
        ("basis", "documented", "as above"),
    ],
    "UpdateCommandAttribute": [
        ("basis", "documented", "shared/spec/swas-breadth.md section 5: update, Command command/{#CommandId}, "
         "as ram.md infers"),
    ],
    "DescribeInvocationResult": [
        ("resourceType", "Instance", "shared/spec/swas-breadth.md section 5: get, *Instance command/{#InstanceId} "
         "(sic; ram.md: all resources)"),
        ("resourceRequired", True, "as above"),
        ("authorization", "resource", "as above"),
        ("arnTemplates", [ARN_PREFIX + "command/{#InstanceId}"],
         "as above: the server's id under the command resource word, copied as published"),
        ("basis", "documented", "as above"),
    ],
    "DescribeCommandInvocations": [
        ("basis", "documented", "shared/spec/swas-breadth.md section 5: get, * all resources, as ram.md infers"),
    ],
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
        ("accessLevel", "delete", "swas-breadth.md section 5 (newer page edition): access level delete"),
        ("arnTemplates", [ARN_PREFIX + "instance/{#DatabaseInstanceId}"],
         "swas-breadth.md section 5 (newer page edition): Instance instance/{#DatabaseInstanceId}, the "
         "database instance's id under the instance resource word"),
        ("resourceType", "Instance", "follows the corrected ARN"),
        ("basis", "documented", "swas-breadth.md section 5"),
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
    # Rows shared/spec/swas-breadth.md section 5 read on newer editions of the Alibaba API pages than
    # ram.md's (documented there; ram.md has them inferred).
    "UpgradeInstance": [
        ("resourceRequired", True, "swas-breadth.md section 5: *Instance instance/{#InstanceId}, documented"),
        ("basis", "documented", "swas-breadth.md section 5"),
    ],
    "RenewInstance": [
        ("resourceRequired", True, "swas-breadth.md section 5: *Instance instance/{#InstanceId}, documented"),
        ("basis", "documented", "swas-breadth.md section 5"),
    ],
    "ListInstancesTrafficPackages": [
        ("resourceType", None, "swas-breadth.md section 5: all resources (was Instance in ram.md)"),
        ("authorization", "all-resources", "swas-breadth.md section 5: no resource-level permission"),
        ("arnTemplates", ["*"], "swas-breadth.md section 5: all resources"),
        ("basis", "documented", "swas-breadth.md section 5"),
    ],
    "ResetDisk": [
        ("resourceType", "Instance", "swas-breadth.md section 5: *Instance (was Disk in ram.md)"),
        ("resourceRequired", True, "swas-breadth.md section 5: *Instance"),
        ("arnTemplates", [ARN_PREFIX + "instance/{#DiskId}"],
         "swas-breadth.md section 5 publishes instance/{#DiskId} (sic), copied as published like "
         "UpdateDiskAttribute's"),
        ("basis", "documented", "swas-breadth.md section 5"),
    ],
    "UpdateSnapshotAttribute": [
        ("resourceRequired", True, "swas-breadth.md section 5: *Snapshot snapshot/{#SnapshotId}, documented"),
        ("basis", "documented", "swas-breadth.md section 5"),
    ],
    # Key pairs: shared/spec/swas-breadth.md section 5 (newer editions of the pages) publishes the
    # account key pair actions as "* all resources" (no KeyPair resource type) and
    # UploadInstanceKeyPair as create, *Instance instance/{#InstanceId}; ram.md section 8 has them inferred.
    **{action: ALL_RESOURCES(level) for action, level in [
        ("CreateKeyPair", "create"), ("ImportKeyPair", "create"), ("AttachKeyPair", "update"),
        ("DetachKeyPair", "update"), ("DeleteKeyPairs", "delete")]},
    "ListKeyPairs": [
        ("basis", "documented", "shared/spec/swas-breadth.md section 5: get, * all resources, as ram.md infers"),
    ],
    "UploadInstanceKeyPair": [
        ("accessLevel", "create", "shared/spec/swas-breadth.md section 5: create (ram.md section 8 infers update)"),
        ("resourceRequired", True, "section 5: *Instance, required"),
        ("arnTemplates", [ARN_PREFIX + "instance/{#InstanceId}"],
         "section 5: instance/{#InstanceId} (ram.md section 8 infers the prefix-less {#InstanceId})"),
        ("basis", "documented", "section 5: the row was read on the UploadInstanceKeyPair page"),
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
    # Monitoring and agents (issue 19): rows shared/spec/swas-breadth.md section 5 read on newer
    # editions of the pages; ram.md section 8 has them inferred as all resources.
    "DescribeMonitorData": [
        ("resourceRequired", True, "shared/spec/swas-breadth.md section 5 (a newer edition of the page): get, *Instance instance/{#InstanceId}"),
        ("basis", "documented", "as above"),
    ],
    "DescribeCloudAssistantStatus": [
        ("authorization", "resource", "shared/spec/swas-breadth.md section 5: get, *Instance instance/{#InstanceId} (ram.md: all resources)"),
        ("resourceType", "Instance", "as above"),
        ("resourceRequired", True, "as above"),
        ("arnTemplates", [ARN_PREFIX + "instance/{#InstanceId}"],
         "as above: one ARN per server of InstanceIds; without InstanceIds the request is checked on instance/*"),
        ("basis", "documented", "as above"),
    ],
    "DescribeCloudMonitorAgentStatuses": [
        ("authorization", "resource", "shared/spec/swas-breadth.md section 5: get, *Instance {#InstanceId} (ram.md: all resources)"),
        ("resourceType", "Instance", "as above"),
        ("resourceRequired", True, "as above"),
        ("arnTemplates", [ARN_PREFIX + "{#InstanceId}"],
         "section 5 publishes the ARN without the instance/ prefix; copied as published, one per server of InstanceIds"),
        ("basis", "documented", "as above"),
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


# Actions real clients call that the SDK model, and so ram.md, lacks (catalog/swas-open-extensions.json).
# Their rows are inferred: the resource they act on, as the nearest documented action's.
EXTENSIONS = [
    {
        "action": "CreateDisk",
        "ramAction": "swas-open:CreateDisk",
        "accessLevel": "create",
        "resourceType": "Instance",
        "resourceRequired": True,
        "authorization": "resource",
        "arnTemplates": [ARN_PREFIX + "instance/{#InstanceId}"],
        "basis": "inferred",
        "corrections": ["not in ram.md: an extension action (the Terraform provider's disk resource); the disk is "
                        "made on the server, so the server's ARN is checked, as ResetSystem checks it"],
    },
    {
        "action": "ListRequestLogs",
        "ramAction": "swas-open:ListRequestLogs",
        "accessLevel": "list",
        "resourceType": None,
        "resourceRequired": False,
        "authorization": "all-resources",
        "arnTemplates": ["*"],
        "basis": "inferred",
        "corrections": ["not in ram.md: swasd's own action (the web console's request log, issue 21); it names no "
                        "resource, so it is checked on '*' as the service's account-wide List actions are"],
    },
]


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
    rows.extend(EXTENSIONS)
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
    if len(sys.argv) != 2:
        sys.exit("usage: scripts/ram-bindings-from-spec.py PATH/TO/shared/spec/ram.md")
    main(sys.argv[1])
