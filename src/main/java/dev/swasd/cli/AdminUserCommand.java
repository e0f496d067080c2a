package dev.swasd.cli;

import dev.swasd.ramapi.Page;
import dev.swasd.ramapi.RamUsers;
import dev.swasd.store.RamUserRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code swasd admin user create|list}: RAM users, straight on the store. */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = "RAM users of the account.",
        subcommands = {AdminUserCommand.Create.class, AdminUserCommand.ListUsers.class})
final class AdminUserCommand extends AdminGroupingCommand {
    AdminUserCommand() {
        super("create, list");
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a RAM user; prints its UserId.")
    static final class Create implements Callable<Integer> {
        @Mixin
        AdminStore store;

        @Parameters(paramLabel = "USER_NAME", description = "1-64 of A-Z a-z 0-9 . _ -")
        String userName;

        @Option(names = "--display-name", paramLabel = "TEXT")
        String displayName;

        @Option(names = "--email", paramLabel = "ADDRESS")
        String email;

        @Option(names = "--mobile-phone", paramLabel = "CC-NUMBER", description = "e.g. 86-18600008888")
        String mobilePhone;

        @Option(names = "--comments", paramLabel = "TEXT")
        String comments;

        @Override
        public Integer call() {
            return AdminStore.run(store, "user create", () -> {
                RamUserRecord u = store.write(s -> {
                    s.ram()
                            .rules()
                            .check(present(
                                    Map.of("UserName", userName),
                                    "DisplayName",
                                    displayName,
                                    "Email",
                                    email,
                                    "MobilePhone",
                                    mobilePhone,
                                    "Comments",
                                    comments));
                    return s.ram()
                            .users()
                            .create(
                                    s.tx(),
                                    s.accountId(),
                                    s.now(),
                                    new RamUsers.NewUser(userName, displayName, mobilePhone, email, comments));
                });
                System.out.println("created user " + u.userName() + "  UserId=" + u.userId());
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the account's RAM users.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        AdminStore store;

        @Override
        public Integer call() {
            return AdminStore.run(store, "user list", () -> {
                List<RamUserRecord> users = store.write(s -> {
                    List<RamUserRecord> all = new ArrayList<>();
                    String marker = null;
                    do {
                        Page<RamUserRecord> page = s.ram().users().list(s.tx(), s.accountId(), marker, 1000);
                        all.addAll(page.items());
                        marker = page.marker();
                    } while (marker != null);
                    return all;
                });
                System.out.printf("%-16s  %-24s  %-20s  %s%n", "USER_ID", "USER_NAME", "CREATED", "DISPLAY_NAME");
                for (RamUserRecord u : users) {
                    System.out.printf(
                            "%-16s  %-24s  %-20s  %s%n",
                            u.userId(),
                            u.userName(),
                            Instant.ofEpochMilli(u.createdAt()).truncatedTo(ChronoUnit.SECONDS),
                            u.displayName() == null ? "" : u.displayName());
                }
            });
        }
    }

    /** {@code base} plus the optional values that were given, for the RAM parameter rules. */
    static Map<String, Object> present(Map<String, Object> base, Object... kv) {
        Map<String, Object> out = new HashMap<>(base);
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                out.put((String) kv[i], kv[i + 1]);
            }
        }
        return out;
    }
}
