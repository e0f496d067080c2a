package dev.swasd.swas.commands;

import java.util.List;

/**
 * A command's status on one server (DescribeInvocationResult [doc]): Pending while it is delivered,
 * Running, then one final status. swasd produces Pending, Running, Success, Failed, Error, Timeout
 * and Invalid; the others of the documented set (Aborted, Cancelled, Stopping, Terminated) need an
 * action swas-open does not have.
 */
public enum RunStatus {
    Pending,
    Running,
    Success,
    Failed,
    Error,
    Timeout,
    Invalid;

    public boolean finished() {
        return this != Pending && this != Running;
    }

    /** The older InvokeStatus / InvokeRecordStatus word: Running until the end, then Finished or Failed. */
    public String invokeStatus() {
        return switch (this) {
            case Pending, Running -> "Running";
            case Success -> "Finished";
            default -> "Failed";
        };
    }

    /**
     * The status of an invocation over its servers (DescribeCommandInvocations [doc]): Pending if
     * any is Pending, else Running if any is Running, else Success if all succeeded, Failed if none
     * did (Invalid, Failed, Timeout and Error count as failed), PartialFailed otherwise.
     */
    public static String aggregate(List<RunStatus> servers) {
        if (servers.contains(Pending)) {
            return "Pending";
        }
        if (servers.contains(Running)) {
            return "Running";
        }
        long succeeded = servers.stream().filter(s -> s == Success).count();
        if (succeeded == servers.size()) {
            return "Success";
        }
        return succeeded == 0 ? "Failed" : "PartialFailed";
    }
}
