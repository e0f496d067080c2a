package dev.swasd.ramapi.simulation;

import dev.swasd.api.Call;
import dev.swasd.api.ram.RamApi;
import dev.swasd.api.ram.RamRequests.SimulatePrincipalPolicyRequest;
import dev.swasd.api.ram.RamResponses.SimulatePrincipalPolicyResponse;
import dev.swasd.ramapi.PolicyEngine;
import dev.swasd.ramapi.RamSimulator;

/**
 * SimulatePrincipalPolicy, swasd's RAM extension for its console's policy simulator
 * (ram-extensions.json): the decision the server's engine gives a user's or group's policies.
 */
public final class SimulationActions implements RamApi {
    private final RamSimulator simulator;

    public SimulationActions(RamSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public SimulatePrincipalPolicyResponse simulatePrincipalPolicy(Call call, SimulatePrincipalPolicyRequest r) {
        PolicyEngine.Verdict v = simulator.simulate(
                call.tx(),
                call.accountId(),
                call.now(),
                new RamSimulator.Question(
                        r.principalType(), r.principalName(), r.actionName(), r.resourceArn(), r.sourceIp()));
        PolicyEngine.Matched m = v.matched();
        return SimulatePrincipalPolicyResponse.builder()
                .decision(v.decision())
                .explanation(v.explanation())
                .matchedStatement(
                        m == null
                                ? null
                                : new SimulatePrincipalPolicyResponse.MatchedStatement(
                                        m.policyName(), m.policyType(), m.statementIndex()))
                .build();
    }
}
