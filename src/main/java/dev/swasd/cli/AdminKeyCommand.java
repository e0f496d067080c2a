package dev.swasd.cli;

import dev.swasd.ramapi.RamAccessKeys;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code swasd admin key create USER}: an AccessKey for a RAM user; the secret is printed once. */
@Command(
        name = "key",
        mixinStandardHelpOptions = true,
        description = "AccessKeys of RAM users.",
        subcommands = {AdminKeyCommand.Create.class})
final class AdminKeyCommand extends AdminGroupingCommand {
    AdminKeyCommand() {
        super("create");
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = {
                "Create an AccessKey for a RAM user (at most 2 per user).",
                "Prints AccessKeyId and AccessKeySecret; the secret is shown only this once."
            })
    static final class Create implements Callable<Integer> {
        @Mixin
        AdminStore store;

        @Parameters(paramLabel = "USER_NAME")
        String userName;

        @Override
        public Integer call() {
            return AdminStore.run(store, "key create", () -> {
                RamAccessKeys.CreatedKey k = store.write(s -> {
                    s.ram().rules().check(Map.of("UserName", userName));
                    return s.ram().keys().create(s.tx(), s.accountId(), s.now(), userName);
                });
                System.out.println("AccessKeyId=" + k.key().accessKeyId() + "  AccessKeySecret=" + k.secret());
            });
        }
    }
}
