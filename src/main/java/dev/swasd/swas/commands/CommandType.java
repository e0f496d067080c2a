package dev.swasd.swas.commands;

import java.util.Optional;

/** The languages a Cloud Assistant command is written in [doc]: shell for Linux, Bat and PowerShell for Windows. */
public enum CommandType {
    RunShellScript(false),
    RunBatScript(true),
    RunPowerShellScript(true);

    private final boolean windows;

    CommandType(boolean windows) {
        this.windows = windows;
    }

    /** Whether a server of this platform ({@code Linux} or {@code Windows}) runs this type. */
    public boolean runsOn(String platform) {
        return windows == "Windows".equalsIgnoreCase(platform);
    }

    public static Optional<CommandType> of(String wire) {
        for (CommandType t : values()) {
            if (t.name().equals(wire)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
