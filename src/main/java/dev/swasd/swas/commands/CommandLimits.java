package dev.swasd.swas.commands;

import dev.swasd.swas.Paging;
import dev.swasd.swas.SwasErrors;

/**
 * The documented limits of command parameters (UpdateCommandAttribute: Name 128, Description 512,
 * WorkingDir 200; Timeout 10 to 86,400 seconds, default 60; pages of at most 50, default 10), each
 * broken one a 400 {@code InvalidParameter} naming the parameter.
 */
final class CommandLimits {
    static final long TIMEOUT_DEFAULT = 60;
    static final long TIMEOUT_MIN = 10;
    static final long TIMEOUT_MAX = 86_400;
    static final int NAME_MAX = 128;
    static final int DESCRIPTION_MAX = 512;
    static final int WORKING_DIR_MAX = 200;
    static final int PAGE_SIZE_MAX = 50;

    private CommandLimits() {}

    static Paging paging(String number, String size) {
        return Paging.of(positive("PageNumber", number), positive("PageSize", size), 10);
    }

    static Long positive(String parameter, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            long v = Long.parseLong(value.trim());
            if (v < 1 || (parameter.equals("PageSize") && v > PAGE_SIZE_MAX)) {
                throw SwasErrors.invalidParam(parameter, "it is out of range.");
            }
            return v;
        } catch (NumberFormatException e) {
            throw SwasErrors.invalidParam(parameter, "it is not a number.");
        }
    }

    static CommandType type(String type) {
        return CommandType.of(type)
                .orElseThrow(() ->
                        SwasErrors.invalidParam("Type", "it is RunShellScript, RunBatScript or RunPowerShellScript."));
    }

    static String name(String name) {
        if (name == null || name.isBlank() || name.codePointCount(0, name.length()) > NAME_MAX) {
            throw SwasErrors.invalidParam("Name", "a command's name has 1 to " + NAME_MAX + " characters.");
        }
        return name;
    }

    static String description(String description) {
        if (description != null && description.codePointCount(0, description.length()) > DESCRIPTION_MAX) {
            throw SwasErrors.invalidParam("Description", "it is longer than " + DESCRIPTION_MAX + " characters.");
        }
        return description;
    }

    static String workingDir(String dir) {
        if (dir != null && dir.codePointCount(0, dir.length()) > WORKING_DIR_MAX) {
            throw SwasErrors.invalidParam("WorkingDir", "it is longer than " + WORKING_DIR_MAX + " characters.");
        }
        return blank(dir) ? null : dir;
    }

    static long timeout(Long timeout) {
        if (timeout == null) {
            return TIMEOUT_DEFAULT;
        }
        if (timeout < TIMEOUT_MIN || timeout > TIMEOUT_MAX) {
            throw SwasErrors.invalidParam("Timeout", "it is " + TIMEOUT_MIN + " to " + TIMEOUT_MAX + " seconds.");
        }
        return timeout;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
