package dev.swasd.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code swasd admin group create|add-user}: RAM user groups and their members. */
@Command(
        name = "group",
        mixinStandardHelpOptions = true,
        description = "RAM user groups of the account.",
        subcommands = {AdminGroupCommand.Create.class, AdminGroupCommand.AddUser.class})
final class AdminGroupCommand extends AdminGroupingCommand {
    AdminGroupCommand() {
        super("create, add-user");
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a user group; prints its GroupId.")
    static final class Create implements Callable<Integer> {
        @Mixin
        AdminStore store;

        @Parameters(paramLabel = "GROUP_NAME", description = "1-64 of A-Z a-z 0-9 . _ -")
        String groupName;

        @Option(names = "--comments", paramLabel = "TEXT")
        String comments;

        @Override
        public Integer call() {
            return AdminStore.run(store, "group create", () -> {
                var g = store.write(s -> {
                    s.ram()
                            .rules()
                            .check(AdminUserCommand.present(Map.of("GroupName", groupName), "Comments", comments));
                    return s.ram().groups().create(s.tx(), s.accountId(), s.now(), groupName, comments);
                });
                System.out.println("created group " + g.groupName() + "  GroupId=" + g.groupId());
            });
        }
    }

    @Command(
            name = "add-user",
            mixinStandardHelpOptions = true,
            description = "Add a RAM user to a group (the user gains the group's policies).")
    static final class AddUser implements Callable<Integer> {
        @Mixin
        AdminStore store;

        @Parameters(index = "0", paramLabel = "GROUP_NAME")
        String groupName;

        @Parameters(index = "1", paramLabel = "USER_NAME")
        String userName;

        @Override
        public Integer call() {
            return AdminStore.run(store, "group add-user", () -> {
                store.write(s -> {
                    s.ram().rules().check(Map.of("UserName", userName, "GroupName", groupName));
                    s.ram().groups().addUser(s.tx(), s.accountId(), s.now(), userName, groupName);
                    return null;
                });
                System.out.println("added user " + userName + " to group " + groupName);
            });
        }
    }
}
