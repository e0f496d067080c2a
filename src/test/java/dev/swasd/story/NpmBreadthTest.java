package dev.swasd.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swasd.Slow;
import dev.swasd.conformance.NodeHarness;
import dev.swasd.server.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The swas-open actions beyond the custom-image story through the official npm client
 * {@code @alicloud/swas-open20200601} (conformance/npm/breadth.mjs), in ACS3 and V1 signing: every
 * action as a user calls it, and the documented error codes — firewall rules, firewall templates,
 * console access and passwords (the VNC URL fetched from swasd itself).
 */
@Slow
class NpmBreadthTest {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        NodeHarness.install();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void everyActionAndErrorInBothSigningModes() throws Exception {
        List<String> cases = NodeHarness.runAllOk(
                "breadth.mjs",
                server,
                Map.of(
                        "SWASD_DATABASE_V3", server.seedDatabase("cn-hangzhou", "orders", "8.0"),
                        "SWASD_DATABASE_V1", server.seedDatabase("cn-hangzhou", "orders", "5.7")));
        for (String mode : List.of("v3", "v1")) {
            assertThat(cases)
                    .contains(
                            mode + " CreateFirewallRule",
                            mode + " CreateFirewallRules",
                            mode + " ModifyFirewallRule",
                            mode + " DisableAndEnableFirewallRule",
                            mode + " DeleteFirewallRuleAndRules",
                            mode + " FirewallRuleAlreadyExist",
                            mode + " InvalidPort",
                            mode + " InvalidProtocol",
                            mode + " FirewallUnknownInstance",
                            mode + " UpgradeInstance",
                            mode + " InvalidPlanIdUpgrade",
                            mode + " InvalidPlanIdNotFound",
                            mode + " RenewInstance",
                            mode + " InvalidPeriod",
                            mode + " ListInstancePlansModification",
                            mode + " ListInstancesTrafficPackages",
                            mode + " UpdateDiskAndSnapshotAttribute",
                            mode + " ResetDiskNeedsAStoppedServer",
                            mode + " ResetDisk",
                            mode + " ResetDiskUnknownDisk",
                            mode + " ResetDiskUnknownSnapshot");
            assertThat(cases)
                    .contains(
                            mode + " CreateKeyPair",
                            mode + " ImportKeyPair",
                            mode + " ListKeyPairs",
                            mode + " AttachKeyPair",
                            mode + " AttachKeyPairReplaces",
                            mode + " KeypairAlreadyAttachedInstance",
                            mode + " DetachKeyPair",
                            mode + " KeyPairAlreadyExist",
                            mode + " InvalidPublicKeyBody",
                            mode + " InvalidKeyPairName",
                            mode + " KeyPairNotFound",
                            mode + " CreateInstanceKeyPair",
                            mode + " UploadAndDescribeInstanceKeyPair",
                            mode + " DeleteInstanceKeyPair",
                            mode + " WindowsInstance",
                            mode + " DeleteKeyPairs",
                            mode + " QuotaExceedKeyPair");
            assertThat(cases)
                    .contains(
                            mode + " CreateFirewallTemplate",
                            mode + " CreateFirewallTemplateRules",
                            mode + " ModifyFirewallTemplate",
                            mode + " DescribeFirewallTemplates",
                            mode + " ApplyFirewallTemplate",
                            mode + " DescribeFirewallTemplateApplyResults",
                            mode + " DescribeFirewallTemplateRulesApplyResult",
                            mode + " TemplateRuleAlreadyExist",
                            mode + " TemplateInvalidPort",
                            mode + " ApplyTooManyServers",
                            mode + " UnknownFirewallTemplate",
                            mode + " UnknownFirewallTemplateRule",
                            mode + " UnknownApplyTask",
                            mode + " DeleteFirewallTemplateRulesAndTemplates");
            assertThat(cases)
                    .contains(
                            mode + " DescribeInstancePasswordsSetting",
                            mode + " ModifyInstanceVncPassword",
                            mode + " InvalidVncPassword",
                            mode + " DescribeInstanceVncUrl",
                            mode + " LoginInstance",
                            mode + " StartTerminalSession",
                            mode + " ConsoleNeedsRunningServer",
                            mode + " ConsoleUnknownInstance");
            assertThat(cases)
                    .contains(
                            mode + " DescribeDatabaseInstances",
                            mode + " StopDatabaseInstance",
                            mode + " DatabaseStoppedRefusesRestart",
                            mode + " StartDatabaseInstance",
                            mode + " DatabaseRunningRefusesStart",
                            mode + " RestartDatabaseInstance",
                            mode + " ModifyDatabaseInstanceDescription",
                            mode + " InvalidDatabaseInstanceDescription",
                            mode + " AllocatePublicConnection",
                            mode + " PublicConnectionAlreadyExist",
                            mode + " ReleasePublicConnection",
                            mode + " PublicConnectionNotFound",
                            mode + " ResetDatabaseAccountPassword",
                            mode + " InvalidAccountPassword",
                            mode + " DescribeDatabaseInstanceParameters",
                            mode + " ForceRestartRequired",
                            mode + " InvalidParameterValue",
                            mode + " ModifyDatabaseInstanceParameter",
                            mode + " DatabaseUnknownInstance");
            // monitoring and agents (issue 19)
            assertThat(cases)
                    .contains(
                            mode + " DescribeMonitorData",
                            mode + " MonitorDataInvalidPeriod",
                            mode + " MonitorDataRangeTooLong",
                            mode + " MonitorDataUnknownInstance",
                            mode + " DescribeCloudAssistantStatus",
                            mode + " DescribeCloudAssistantAttributes",
                            mode + " InstallCloudAssistant",
                            mode + " InstallCloudMonitorAgent",
                            mode + " DescribeSecurityAgentStatus",
                            mode + " AgentsOfAStoppedServer",
                            mode + " AgentsUnknownInstance",
                            mode + " CloudAssistantPageSize",
                            mode + " DescribeDatabaseErrorLogs",
                            mode + " DescribeDatabaseSlowLogRecords",
                            mode + " DescribeDatabaseInstanceMetricData",
                            mode + " DatabaseLogsRangeReversed");
            // ---- Cloud Assistant commands
            assertThat(cases)
                    .contains(
                            mode + " RunCommand",
                            mode + " DescribeInvocationResult",
                            mode + " DescribeInvocations",
                            mode + " CreateCommand",
                            mode + " UpdateCommandAttribute",
                            mode + " DescribeCommands",
                            mode + " InvokeCommand",
                            mode + " DescribeCommandInvocations",
                            mode + " DeleteCommand",
                            mode + " CommandNotFound",
                            mode + " InvokeNotFound",
                            mode + " CommandTimeoutOutOfRange",
                            mode + " CommandOnStoppedServer");
        }
    }
}
