package dev.swasd.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code swasd} command line. Exit codes: 0 done, 1 runtime failure, 2 bad usage. */
@Command(name = "swasd", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "A self-hostable Alibaba Cloud Simple Application Server (SWAS) OpenAPI 2020-06-01 server.",
        subcommands = {ServeCommand.class, AdminCommand.class, RamCommand.class, BenchCommand.class,
                StartupTrainingCommand.class})
public final class Main implements Runnable {
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        // configuring logging and building the command model are both slow and independent, so
        // they overlap; nothing logs before the model is built and logging is ready
        Thread logging = Thread.ofPlatform().daemon().name("swasd-logging-init")
                .start(org.slf4j.LoggerFactory::getILoggerFactory);
        CommandLine cli = new CommandLine(new Main());
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
        err.println("swasd: " + e.getMessage() + " (try: " + e.getCommandLine().getCommandSpec().qualifiedName()
                + " --help)");
        err.flush();
        return EXIT_USAGE;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"swasd " + (v == null ? "dev" : v)};
        }
    }
}
