package dev.swasd.ram;

import java.util.List;
import java.util.Optional;

/**
 * One decision case in the format of ram.md section 9 ({@code ram-cases.json}): the policies in
 * force for the caller, the request, and optionally the expected decision.
 */
public record SimulationCase(
        String name,
        List<NamedPolicy> policies,
        AuthorizationRequest request,
        Optional<Decision> expect,
        Optional<String> basis,
        Optional<String> note) {

    public SimulationCase {
        policies = List.copyOf(policies);
    }

    public Evaluation evaluate() {
        return PolicyEvaluator.evaluate(request, policies);
    }
}
