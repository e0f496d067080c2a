package dev.swasd.ram;

import java.util.List;

/**
 * A validated, compiled policy document: immutable and safe to share between threads and
 * requests. Obtain one with {@link PolicyParser#parse} (or through {@link PolicyCache}).
 */
public final class PolicyDocument {
    private final List<Statement> statements;

    PolicyDocument(List<Statement> statements) {
        this.statements = List.copyOf(statements);
    }

    /** Parses and validates; see {@link PolicyParser#parse}. */
    public static PolicyDocument parse(String json) {
        return PolicyParser.parse(json);
    }

    public List<Statement> statements() {
        return statements;
    }

    @Override
    public String toString() {
        return "PolicyDocument" + statements;
    }
}
