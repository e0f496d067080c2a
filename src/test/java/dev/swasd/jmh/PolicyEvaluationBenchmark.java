package dev.swasd.jmh;

import dev.swasd.ram.AuthorizationRequest;
import dev.swasd.ram.Evaluation;
import dev.swasd.ram.NamedPolicy;
import dev.swasd.ram.PolicyEvaluator;
import dev.swasd.ram.PolicyParser;
import dev.swasd.ram.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Evaluating one request against 10 attached, already compiled policies (the realistic mix a CI
 * user carries: allows on named images, a deny by tag, IP and time conditions, read-only access),
 * for DeleteCustomImages of 1 and of 15 images.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PolicyEvaluationBenchmark {
    @Param({"1", "15"})
    public int images;

    private List<NamedPolicy> policies;
    private AuthorizationRequest request;

    @Setup
    public void setUp() {
        String[] documents = {
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"swas-open:List*\",\"swas-open:Describe*\"],\"Resource\":\"*\"}]}",
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"swas-open:DeleteCustomImages\",\"Resource\":\"acs:swas-open:cn-hangzhou:1234567890123456:customimage/m-ci*\"}]}",
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"swas-open:Delete*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"acs:ResourceTag/env\":\"prod\"}}}]}",
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"swas-open:*\",\"Resource\":\"*\",\"Condition\":{\"IpAddress\":{\"acs:SourceIp\":[\"10.0.0.0/8\",\"192.168.0.0/16\"]}}}]}",
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"swas-open:*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"acs:SecureTransport\":\"false\"},\"StringLike\":{\"acs:AccessId\":\"LTAIblocked*\"}}}]}",
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"swas-open:CreateCustomImage\",\"Resource\":\"*\",\"Condition\":{\"DateLessThan\":{\"acs:CurrentTime\":\"2030-01-01T00:00:00Z\"}}}]}",
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"swas-open:StartInstance*\",\"swas-open:StopInstance*\"],\"Resource\":\"acs:swas-open:*:*:instance/*\"}]}",
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":[\"ram:*\",\"sts:*\"],\"Resource\":\"acs:ecs:*:*:image/*\"}]}",
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"swas-open:ModifyImageShareStatus\",\"Resource\":\"*\",\"Condition\":{\"StringNotEquals\":{\"acs:RequestTag/team\":\"platform\"}}}]}",
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"swas-open:TagResources\",\"Resource\":\"*\",\"Condition\":{\"ForAllValues:StringLike\":{\"acs:RequestTag/team\":[\"platform\",\"ci-*\"]}}}]}",
        };
        policies = new ArrayList<>();
        for (int i = 0; i < documents.length; i++) {
            policies.add(new NamedPolicy("policy-" + i, PolicyParser.parse(documents[i])));
        }
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < images; i++) {
            arns.add("acs:swas-open:cn-hangzhou:1234567890123456:customimage/m-ci" + i);
        }
        request = AuthorizationRequest.ofRamUser(
                "swas-open:DeleteCustomImages",
                arns,
                RequestContext.builder()
                        .add("acs:SourceIp", "127.0.0.1")
                        .add("acs:SecureTransport", "false")
                        .add("acs:CurrentTime", "2026-11-28T07:00:00Z")
                        .add("acs:AccessId", "LTAIuser0001")
                        .build());
    }

    @Benchmark
    public Evaluation evaluate() {
        return PolicyEvaluator.evaluate(request, policies);
    }
}
