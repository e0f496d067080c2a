package dev.swasd.swas.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A scripted outcome (--command-outcomes, POST /_swasd/seed/command-outcomes): when a run's command
 * matches, the run ends as the rule says instead of succeeding at once with exit code 0 and no
 * output. The format is documented in docs/testing-with-swasd.md.
 */
public record OutcomeRule(Match match, Outcome outcome) {

    /** What a rule looks at: the command content as run (parameters filled in) or the command name. */
    public sealed interface Match {
        boolean matches(String name, String content);

        String kind();

        String pattern();

        static Match of(String kind, String pattern) {
            return switch (kind) {
                case "contentContains" -> new ContentContains(pattern);
                case "contentRegex" -> new ContentRegex(compile(kind, pattern));
                case "name" -> new NameIs(pattern);
                case "nameRegex" -> new NameRegex(compile(kind, pattern));
                default -> throw new IllegalArgumentException("unknown match " + kind);
            };
        }
    }

    /** The content contains this text. */
    public record ContentContains(String pattern) implements Match {
        @Override
        public boolean matches(String name, String content) {
            return content.contains(pattern);
        }

        @Override
        public String kind() {
            return "contentContains";
        }
    }

    /** A regular expression finds a match somewhere in the content. */
    public record ContentRegex(Pattern regex) implements Match {
        @Override
        public boolean matches(String name, String content) {
            return regex.matcher(content).find();
        }

        @Override
        public String kind() {
            return "contentRegex";
        }

        @Override
        public String pattern() {
            return regex.pattern();
        }
    }

    /** The command's name is exactly this. */
    public record NameIs(String pattern) implements Match {
        @Override
        public boolean matches(String name, String content) {
            return pattern.equals(name);
        }

        @Override
        public String kind() {
            return "name";
        }
    }

    /** A regular expression matches the whole name. */
    public record NameRegex(Pattern regex) implements Match {
        @Override
        public boolean matches(String name, String content) {
            return regex.matcher(name).matches();
        }

        @Override
        public String kind() {
            return "nameRegex";
        }

        @Override
        public String pattern() {
            return regex.pattern();
        }
    }

    /**
     * How a run ends: its status (Success, Failed, Error or Timeout), exit code, output (plain text;
     * the API answers it Base64), how long it runs in seconds (null: the state delay), and the
     * ErrorCode / ErrorInfo it reports.
     */
    public record Outcome(
            RunStatus status, Long exitCode, String output, Long durationSeconds, String errorCode, String errorInfo) {
        public static final Outcome DEFAULT = new Outcome(RunStatus.Success, 0L, "", null, null, null);
    }

    private static final Set<String> MATCHES = Set.of("contentContains", "contentRegex", "name", "nameRegex");
    private static final Set<String> FIELDS =
            Set.of("status", "exitCode", "output", "durationSeconds", "errorCode", "errorInfo");
    private static final Set<RunStatus> SCRIPTABLE =
            Set.of(RunStatus.Success, RunStatus.Failed, RunStatus.Error, RunStatus.Timeout);

    /** The rules of {@code {"rules": [...]}} (or a bare array), in order; IllegalArgumentException says what is wrong. */
    public static List<OutcomeRule> parse(JsonNode json) {
        JsonNode rules = json.isArray() ? json : json.path("rules");
        if (!rules.isArray()) {
            throw new IllegalArgumentException("command outcomes take {\"rules\": [ ... ]}");
        }
        List<OutcomeRule> parsed = new java.util.ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            parsed.add(parseOne(rules.get(i), i));
        }
        return List.copyOf(parsed);
    }

    private static OutcomeRule parseOne(JsonNode r, int i) {
        String where = "rule " + i + ": ";
        if (!r.isObject()) {
            throw new IllegalArgumentException(where + "not an object");
        }
        Match match = null;
        for (Iterator<String> names = r.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (MATCHES.contains(field)) {
                if (match != null) {
                    throw new IllegalArgumentException(where + "takes one of " + MATCHES);
                }
                if (!r.get(field).isTextual() || r.get(field).asText().isEmpty()) {
                    throw new IllegalArgumentException(where + field + " must be a non-empty string");
                }
                match = Match.of(field, r.get(field).asText());
            } else if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException(where + "unknown field " + field);
            }
        }
        if (match == null) {
            throw new IllegalArgumentException(where + "needs one of " + MATCHES);
        }
        Long exitCode = r.hasNonNull("exitCode") ? longOf(r, "exitCode", where) : null;
        RunStatus status;
        if (r.hasNonNull("status")) {
            status = SCRIPTABLE.stream()
                    .filter(s -> s.name().equals(r.get("status").asText()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(where + "status is one of " + SCRIPTABLE));
        } else {
            status = exitCode != null && exitCode != 0 ? RunStatus.Failed : RunStatus.Success;
        }
        if (exitCode == null) {
            exitCode = switch (status) {
                case Success -> 0L;
                case Failed -> 1L;
                default -> null;
            };
        }
        Long duration = r.hasNonNull("durationSeconds") ? longOf(r, "durationSeconds", where) : null;
        if (duration != null && duration < 0) {
            throw new IllegalArgumentException(where + "durationSeconds must not be negative");
        }
        return new OutcomeRule(
                match,
                new Outcome(
                        status,
                        exitCode,
                        r.path("output").asText(""),
                        duration,
                        r.hasNonNull("errorCode") ? r.get("errorCode").asText() : null,
                        r.hasNonNull("errorInfo") ? r.get("errorInfo").asText() : null));
    }

    private static long longOf(JsonNode r, String field, String where) {
        if (!r.get(field).canConvertToLong() || !r.get(field).isIntegralNumber()) {
            throw new IllegalArgumentException(where + field + " must be an integer");
        }
        return r.get(field).asLong();
    }

    private static Pattern compile(String kind, String pattern) {
        try {
            return Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(kind + " is not a regular expression: " + e.getDescription());
        }
    }
}
