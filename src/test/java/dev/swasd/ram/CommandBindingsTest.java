package dev.swasd.ram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The RAM rows of the Cloud Assistant command actions, as shared/spec/swas-breadth.md section 5 publishes them. */
class CommandBindingsTest {
    private static final String REGION = "cn-hangzhou";
    private static final String ACCOUNT = "1234567890123456";
    private static final String PREFIX = "acs:swas-open:cn-hangzhou:1234567890123456:";
    private static final ActionBindings BINDINGS = ActionBindings.swasOpen();

    @Test
    void describeCommandsIsOnTheCommandOrEveryCommand() {
        assertThat(BINDINGS.resourceArns("DescribeCommands", REGION, ACCOUNT, Map.of("Provider", "User")))
                .containsExactly(PREFIX + "command/*");
        assertThat(BINDINGS.resourceArns(
                        "DescribeCommands", REGION, ACCOUNT, Map.of("Provider", "User", "CommandId", "c-1")))
                .containsExactly(PREFIX + "command/c-1");
    }

    @Test
    void describeInvocationResultIsOnTheServerUnderTheCommandWordAsPublished() {
        assertThat(BINDINGS.resourceArns(
                        "DescribeInvocationResult", REGION, ACCOUNT, Map.of("InstanceId", "i-1", "InvokeId", "t-1")))
                .containsExactly(PREFIX + "command/i-1");
    }

    @Test
    void theOtherRowsAreAsInferred() {
        assertThat(BINDINGS.resourceArns("UpdateCommandAttribute", REGION, ACCOUNT, Map.of("CommandId", "c-1")))
                .containsExactly(PREFIX + "command/c-1");
        assertThat(BINDINGS.resourceArns("DescribeCommandInvocations", REGION, ACCOUNT, Map.of()))
                .containsExactly("*");
        assertThat(BINDINGS.resourceArns("DeleteCommand", REGION, ACCOUNT, Map.of("CommandId", "c-1")))
                .containsExactly(PREFIX + "command/c-1");
        assertThat(BINDINGS.resourceArns(
                        "InvokeCommand", REGION, ACCOUNT, Map.of("CommandId", "c-1", "InstanceIds", List.of("i-1"))))
                .containsExactly(PREFIX + "instance/i-1");
    }
}
