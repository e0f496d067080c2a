package dev.swasd.cli;

import dev.swasd.server.HttpFrontend;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code swasd} command line. Exit codes: 0 done, 1 runtime failure, 2 bad usage. */
@Command(
        name = "swasd",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "A self-hostable Alibaba Cloud Simple Application Server (SWAS) OpenAPI 2020-06-01 server.")
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    /**
     * The subcommands, in the order help lists them. picocli builds the model of every command it
     * is given, from annotations, before it parses anything, which for all of them is a large part
     * of start-up (docs/performance.md); so a run that names one gets that one alone (help, a typo,
     * or no command get all, and picocli's own messages).
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> all = new LinkedHashMap<>();
        all.put("serve", ServeCommand::new);
        all.put("admin", AdminCommand::new);
        all.put("ram", RamCommand::new);
        all.put("bench", BenchCommand::new);
        all.put("startup-training", StartupTrainingCommand::new);
        return Collections.unmodifiableMap(all);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        // configuring logging and building the command model are both slow and independent, so
        // they overlap; nothing logs before the model is built and logging is ready
        boolean serving = args.length > 0 && (args[0].equals("serve") || args[0].equals("startup-training"));
        Thread logging = Thread.ofPlatform().daemon().name("swasd-init").start(() -> {
            LoggerFactory.getILoggerFactory();
            if (serving) {
                HttpFrontend.prepare();
            }
        });
        CommandLine cli = new CommandLine(new Main());
        Supplier<Object> named = args.length == 0 ? null : SUBCOMMANDS.get(args[0]);
        if (named != null) {
            cli.addSubcommand(args[0], named.get());
        } else {
            SUBCOMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        }
        try {
            logging.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cli.setParameterExceptionHandler(Main::oneLineUsageError);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            System.err.println("swasd: " + e.getMessage());
            return EXIT_FAILURE;
        });
        return cli.execute(args);
    }

    /** Bad usage is one line on stderr, never a usage dump or a stack trace. */
    private static int oneLineUsageError(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("swasd: " + e.getMessage() + " (try: "
                + e.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
        err.flush();
        return EXIT_USAGE;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"swasd " + (v == null ? "dev" : v)};
        }
    }
}
