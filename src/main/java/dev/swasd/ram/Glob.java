package dev.swasd.ram;

import java.util.Locale;

/**
 * A compiled RAM wildcard pattern: {@code *} matches any run of characters (none included) and
 * {@code ?} exactly one; every other character is literal, {@code :} and {@code /} included, and
 * the pattern covers the whole string (ram.md section 2). Compiled once per policy, so that a
 * request only runs the matching loop.
 */
final class Glob {
    private enum Shape {
        ANY,
        LITERAL,
        WILDCARD
    }

    private final String pattern;
    private final boolean ignoreCase;
    private final String compiled;
    private final Shape shape;

    private Glob(String pattern, boolean ignoreCase) {
        this.pattern = pattern;
        this.ignoreCase = ignoreCase;
        this.compiled = ignoreCase ? fold(pattern) : pattern;
        if (pattern.equals("*")) {
            shape = Shape.ANY;
        } else if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
            shape = Shape.LITERAL;
        } else {
            shape = Shape.WILDCARD;
        }
    }

    static Glob caseSensitive(String pattern) {
        return new Glob(pattern, false);
    }

    static Glob ignoringCase(String pattern) {
        return new Glob(pattern, true);
    }

    /** The case folding used for case-insensitive patterns; callers fold the subject once with it. */
    static String fold(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    String pattern() {
        return pattern;
    }

    boolean matches(String subject) {
        return switch (shape) {
            case ANY -> true;
            case LITERAL -> ignoreCase ? compiled.equals(fold(subject)) : compiled.equals(subject);
            case WILDCARD -> wildcardMatch(compiled, ignoreCase ? fold(subject) : subject);
        };
    }

    /**
     * Linear-time wildcard matching with one backtrack point: on a mismatch, the last {@code *}
     * absorbs one more character. No regular expressions, so no pathological patterns.
     */
    private static boolean wildcardMatch(String p, String s) {
        int pi = 0;
        int si = 0;
        int starAt = -1;
        int starMatched = 0;
        while (si < s.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || (p.charAt(pi) != '*' && p.charAt(pi) == s.charAt(si)))) {
                pi++;
                si++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                starAt = pi++;
                starMatched = si;
            } else if (starAt >= 0) {
                pi = starAt + 1;
                si = ++starMatched;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
