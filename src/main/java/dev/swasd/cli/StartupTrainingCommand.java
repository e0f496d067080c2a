package dev.swasd.cli;

import dev.swasd.cli.bench.StartupTraining;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code swasd startup-training}: the run ./swasd records the start-up cache from (hidden: not for people). */
@Command(
        name = "startup-training",
        hidden = true,
        description =
                "Serve a few requests on a throw-away data directory and stop (./swasd records its start-up cache "
                        + "from this run).")
final class StartupTrainingCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        StartupTraining.run();
        return 0;
    }
}
