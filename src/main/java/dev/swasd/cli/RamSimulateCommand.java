package dev.swasd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swasd.ram.AuthorizationRequest;
import dev.swasd.ram.CaseFileException;
import dev.swasd.ram.CaseFiles;
import dev.swasd.ram.Evaluation;
import dev.swasd.ram.MalformedPolicyException;
import dev.swasd.ram.NamedPolicy;
import dev.swasd.ram.PolicyEvaluator;
import dev.swasd.ram.PolicyParser;
import dev.swasd.ram.PrincipalType;
import dev.swasd.ram.RequestContext;
import dev.swasd.ram.SimulationCase;
import dev.swasd.ram.SystemPolicies;
import dev.swasd.ram.SystemPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code swasd ram simulate}: evaluates requests against policies with the server's own RAM engine.
 * Exit 0 when everything was evaluated, whatever the decisions; 2 for bad usage or malformed
 * input (one line on stderr).
 */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Evaluate RAM decisions offline, with the engine the server uses.",
            "--cases FILE: evaluate every case of FILE (format: docs/ram.md) and",
            "  print a JSON array of {\"name\", \"decision\"}.",
            "Otherwise one request (--action, --resource, --policy, --context ...):",
            "  print the decision and the statement that decided it.",
            "Exit 0 once evaluated (denials included); 2 for bad usage or input.",
            ""
        })
final class RamSimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--cases", paramLabel = "FILE", description = "Decision-case file (format of ram-cases.json).")
    Path cases;

    @Option(names = "--policy", paramLabel = "FILE", description = "A policy document in force (repeatable).")
    List<Path> policies = new ArrayList<>();

    @Option(
            names = "--system-policy",
            paramLabel = "NAME",
            description = "A system policy in force, e.g. AliyunSWASReadOnlyAccess (repeatable; after the files).")
    List<String> systemPolicies = new ArrayList<>();

    @Option(names = "--action", paramLabel = "ACTION", description = "The action, e.g. swas-open:DeleteCustomImages.")
    String action;

    @Option(
            names = "--resource",
            paramLabel = "ARN",
            description = "A resource ARN, or * (repeatable; all must be allowed).")
    List<String> resources = new ArrayList<>();

    @Option(
            names = "--context",
            paramLabel = "KEY=VALUE",
            description = "A condition key, e.g. acs:SourceIp=192.0.2.1 (repeatable; the same key again adds a value).")
    List<String> context = new ArrayList<>();

    @Option(
            names = "--principal-type",
            paramLabel = "TYPE",
            defaultValue = "RamUser",
            description = "RamUser (default), RootAccount or AssumedRole.")
    String principalType;

    /** Malformed input: reported as one line, exit 2. */
    private static final class BadInput extends Exception {
        BadInput(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (cases != null) {
                if (!policies.isEmpty()
                        || !systemPolicies.isEmpty()
                        || action != null
                        || !resources.isEmpty()
                        || !context.isEmpty()) {
                    throw new BadInput(
                            "--cases cannot be combined with --policy, --system-policy, --action, --resource "
                                    + "or --context");
                }
                printCases(out, runCases(cases));
            } else {
                out.println(runOne().explain());
            }
            out.flush();
            return 0;
        } catch (BadInput e) {
            err.println(
                    "swasd: " + e.getMessage().replaceAll("\\s*\\R\\s*", " ") + " (try: swasd ram simulate --help)");
            err.flush();
            return Main.EXIT_USAGE;
        }
    }

    private List<Result> runCases(Path file) throws BadInput {
        List<SimulationCase> parsed;
        try {
            parsed = CaseFiles.parse(read(file));
        } catch (CaseFileException e) {
            throw new BadInput(file + ": " + e.getMessage());
        }
        List<Result> results = new ArrayList<>();
        for (SimulationCase c : parsed) {
            results.add(new Result(c.name(), c.evaluate()));
        }
        return results;
    }

    private record Result(String name, Evaluation evaluation) {}

    /** A JSON array, one case per line so that it diffs and greps well. */
    private static void printCases(PrintWriter out, List<Result> results) {
        ObjectMapper json = new ObjectMapper();
        if (results.isEmpty()) {
            out.println("[]");
            return;
        }
        out.println("[");
        for (int i = 0; i < results.size(); i++) {
            ObjectNode line = json.createObjectNode();
            line.put("name", results.get(i).name());
            line.put("decision", results.get(i).evaluation().decision().wireName());
            out.println("  " + line + (i < results.size() - 1 ? "," : ""));
        }
        out.println("]");
    }

    private Evaluation runOne() throws BadInput {
        if (action == null) {
            throw new BadInput("--action is required (or --cases FILE)");
        }
        if (!action.matches("[^:\\s]+:[^:\\s]+")) {
            throw new BadInput(
                    "--action must be <service>:<Action>, e.g. swas-open:DeleteCustomImages, got '" + action + "'");
        }
        if (resources.isEmpty()) {
            throw new BadInput("--resource is required (an ARN, or * for actions without resource-level permission)");
        }
        PrincipalType principal = PrincipalType.fromWireName(principalType)
                .orElseThrow(() -> new BadInput(
                        "--principal-type must be RamUser, RootAccount or AssumedRole, got '" + principalType + "'"));
        List<NamedPolicy> inForce = new ArrayList<>();
        for (Path file : policies) {
            try {
                inForce.add(new NamedPolicy(file.toString(), PolicyParser.parse(read(file))));
            } catch (MalformedPolicyException e) {
                throw new BadInput(file + ": " + e.getMessage());
            }
        }
        for (String name : systemPolicies) {
            inForce.add(SystemPolicies.lookup(name)
                    .orElseThrow(() -> new BadInput("--system-policy: no system policy '"
                            + name + "' (known: "
                            + String.join(
                                    ", ",
                                    SystemPolicies.all().stream()
                                            .map(SystemPolicy::name)
                                            .toList())
                            + ")"))
                    .asNamedPolicy());
        }
        RequestContext.Builder ctx = RequestContext.builder();
        for (String kv : context) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new BadInput("--context must be KEY=VALUE, got '" + kv + "'");
            }
            ctx.add(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return PolicyEvaluator.evaluate(new AuthorizationRequest(principal, action, resources, ctx.build()), inForce);
    }

    private static String read(Path file) throws BadInput {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new BadInput("cannot read " + file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new BadInput("cannot read " + file + ": permission denied");
        } catch (IOException e) {
            throw new BadInput("cannot read " + file + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }
}
