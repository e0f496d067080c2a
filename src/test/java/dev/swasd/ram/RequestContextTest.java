package dev.swasd.ram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestContextTest {
    @Test
    void keysCompareIgnoringCaseAndMerge() {
        RequestContext ctx = RequestContext.builder()
                .add("test:Tags", "a")
                .add("TEST:tags", "b")
                .build();
        assertThat(ctx.values("Test:TAGS")).containsExactly("a", "b");
        assertThat(ctx.values("test:other")).isEmpty();
    }

    @Test
    void aKeyWithoutValuesCountsAsAbsent() {
        RequestContext ctx = RequestContext.of(Map.of("acs:SourceVpc", List.of()));
        assertThat(ctx.values("acs:SourceVpc")).isEmpty();
        // so a positive operator fails and a negated one holds, as for a missing key
        assertThat(ConditionsTest.holds("{\"StringEquals\":{\"acs:SourceVpc\":\"vpc-1\"}}", ctx))
                .isFalse();
        assertThat(ConditionsTest.holds("{\"StringNotEquals\":{\"acs:SourceVpc\":\"vpc-1\"}}", ctx))
                .isTrue();
    }

    @Test
    void valuesAreImmutable() {
        RequestContext ctx = RequestContext.builder().add("k", "v").build();
        assertThatThrownBy(() -> ctx.values("k").add("w")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> RequestContext.builder().add("", "v")).isInstanceOf(IllegalArgumentException.class);
    }
}
