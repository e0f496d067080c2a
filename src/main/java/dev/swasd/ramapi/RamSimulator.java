package dev.swasd.ramapi;

import dev.swasd.store.PolicySetRepository;
import dev.swasd.store.Tx;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The policy simulator (SimulatePrincipalPolicy): the policies in force for a RAM user — its own,
 * then its groups', exactly as authorization loads them — or attached to a group, evaluated by the
 * server's engine for one action, resource and source address.
 */
public final class RamSimulator {
    public static final String USER = "User";
    public static final String GROUP = "Group";

    /** What to simulate, as the request names it. */
    public record Question(
            String principalType, String principalName, String actionName, String resourceArn, String sourceIp) {}

    private static final Pattern ACTION = Pattern.compile("[^:\\s]+:[^:\\s]+");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final RamGroups groups;
    private final RamAttachments attachments;
    private final RamPolicies policies;
    private final PolicyEngine engine;
    private final PolicySetRepository sets = new PolicySetRepository();

    public RamSimulator(RamGroups groups, RamAttachments attachments, RamPolicies policies, PolicyEngine engine) {
        this.groups = groups;
        this.attachments = attachments;
        this.policies = policies;
        this.engine = engine;
    }

    public PolicyEngine.Verdict simulate(Tx tx, String accountId, long now, Question q) {
        if (!USER.equals(q.principalType()) && !GROUP.equals(q.principalType())) {
            throw RamErrors.principalType();
        }
        if (!ACTION.matcher(q.actionName()).matches()) {
            throw RamErrors.format("ActionName");
        }
        String sourceIp = q.sourceIp() == null || q.sourceIp().isEmpty() ? null : q.sourceIp();
        if (sourceIp != null && !ipAddress(sourceIp)) {
            throw RamErrors.format("SourceIp");
        }
        String resource = q.resourceArn() == null || q.resourceArn().isEmpty() ? "*" : q.resourceArn();
        List<PolicyEngine.Policy> inForce =
                USER.equals(q.principalType()) ? ofUser(tx, accountId, q.principalName()) : ofGroup(tx, accountId, q);
        return engine.evaluate(inForce, q.actionName(), resource, sourceIp, now);
    }

    /** The user's policies then its groups', in the order authorization consults them (PolicySetRepository). */
    private List<PolicyEngine.Policy> ofUser(Tx tx, String accountId, String userName) {
        PolicySetRepository.PolicySet set = sets.load(tx, accountId, userName).orElseThrow(RamErrors::userNotExist);
        List<PolicyEngine.Policy> out = new ArrayList<>();
        for (PolicySetRepository.PolicyRow row : set.policies()) {
            out.add(new PolicyEngine.Policy(
                    row.policyName(),
                    row.policyType(),
                    RamPolicies.SYSTEM.equals(row.policyType()) ? null : row.document()));
        }
        return out;
    }

    private List<PolicyEngine.Policy> ofGroup(Tx tx, String accountId, Question q) {
        groups.get(tx, accountId, q.principalName()); // EntityNotExist.Group
        List<PolicyEngine.Policy> out = new ArrayList<>();
        for (RamAttachments.AttachedPolicy a : attachments.policiesForGroup(tx, accountId, q.principalName())) {
            PolicyView p = a.policy();
            out.add(
                    RamPolicies.SYSTEM.equals(p.type())
                            ? new PolicyEngine.Policy(p.name(), p.type(), null)
                            : new PolicyEngine.Policy(
                                    p.name(),
                                    p.type(),
                                    policies.get(tx, accountId, p.name(), p.type())
                                            .defaultVersion()
                                            .document()));
        }
        return out;
    }

    /** An IPv4 or IPv6 address literal; never a host name (nothing is looked up). */
    static boolean ipAddress(String text) {
        var v4 = IPV4.matcher(text);
        if (v4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(v4.group(i)) > 255) {
                    return false;
                }
            }
            return true;
        }
        if (!IPV6.matcher(text).matches()) {
            return false;
        }
        try {
            // a literal with a colon is parsed, never resolved
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }
}
