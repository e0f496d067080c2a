package dev.swasd.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code swasd admin policy create|attach}: custom policies and attachments. */
@Command(
        name = "policy",
        mixinStandardHelpOptions = true,
        description = "RAM policies of the account.",
        subcommands = {AdminPolicyCommand.Create.class, AdminPolicyCommand.Attach.class})
final class AdminPolicyCommand extends AdminGroupingCommand {
    AdminPolicyCommand() {
        super("create, attach");
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Create a custom policy (version v1) from a policy document file.")
    static final class Create implements Callable<Integer> {
        @Mixin
        AdminStore store;

        @Parameters(paramLabel = "POLICY_NAME", description = "1-128 of A-Z a-z 0-9 -")
        String policyName;

        @Option(names = "--document", paramLabel = "FILE", required = true, description = "The policy document (JSON).")
        Path document;

        @Option(names = "--description", paramLabel = "TEXT")
        String description;

        @Override
        public Integer call() {
            String text;
            try {
                text = Files.readString(document);
            } catch (IOException e) {
                return AdminStore.usage("cannot read " + document + ": " + e.getMessage(), "policy create");
            }
            return AdminStore.run(store, "policy create", () -> {
                var p = store.write(s -> {
                    s.ram()
                            .rules()
                            .check(AdminUserCommand.present(
                                    Map.of("PolicyName", policyName, "PolicyDocument", text),
                                    "Description",
                                    description));
                    return s.ram()
                            .policies()
                            .create(s.tx(), s.accountId(), s.now(), policyName, text, description, List.of());
                });
                System.out.println("created policy " + p.name() + "  DefaultVersion=" + p.defaultVersion());
            });
        }
    }

    @Command(
            name = "attach",
            mixinStandardHelpOptions = true,
            description = "Attach a policy to a RAM user or a group.")
    static final class Attach implements Callable<Integer> {
        @Mixin
        AdminStore store;

        @Parameters(paramLabel = "POLICY_NAME")
        String policyName;

        @Option(
                names = "--type",
                paramLabel = "TYPE",
                defaultValue = "Custom",
                description = "Custom or System (default ${DEFAULT-VALUE}).")
        String type;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        static final class Target {
            @Option(names = "--user", paramLabel = "USER_NAME", required = true)
            String user;

            @Option(names = "--group", paramLabel = "GROUP_NAME", required = true)
            String group;
        }

        @Override
        public Integer call() {
            return AdminStore.run(store, "policy attach", () -> {
                store.write(s -> {
                    var rules = s.ram().rules();
                    if (target.user != null) {
                        rules.check(Map.of("UserName", target.user, "PolicyType", type, "PolicyName", policyName));
                        s.ram()
                                .attachments()
                                .attachToUser(s.tx(), s.accountId(), s.now(), target.user, type, policyName);
                    } else {
                        rules.check(Map.of("GroupName", target.group, "PolicyType", type, "PolicyName", policyName));
                        s.ram()
                                .attachments()
                                .attachToGroup(s.tx(), s.accountId(), s.now(), target.group, type, policyName);
                    }
                    return null;
                });
                System.out.println("attached " + type + " policy " + policyName + " to "
                        + (target.user != null ? "user " + target.user : "group " + target.group));
            });
        }
    }
}
