package dev.swasd.ram;

import java.util.Optional;

/** The decision for one resource of a request, and the statement that made it (none for ImplicitDeny). */
public record ResourceDecision(String resource, Decision decision, Optional<StatementRef> decidedBy) {}
