package dev.swasd.server;

import dev.swasd.errors.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Failures and delays injected on purpose (the control API's {@code /_swasd/faults}), so that
 * users can test their retry logic: the next calls of an action answer a given error, in the
 * product's envelope, or answer late. Checked by the pipeline once a request is authenticated
 * and its action known; with no rules that check is one volatile read.
 */
public final class Faults {
    /**
     * One rule.
     *
     * @param id          assigned when added ({@code f-1}, {@code f-2} ...)
     * @param action      the action it applies to, e.g. {@code DeleteCustomImages}; null or {@code *} for every action
     * @param code        the error Code to answer; null for a delay alone
     * @param status      the HTTP status of that error
     * @param message     the error Message
     * @param times       how many matching calls it still applies to; null for no limit
     * @param probability the chance it applies to a matching call, 0-1 (a call it spares uses none of its times)
     * @param delayMs     how long a call it applies to waits before answering (or failing)
     */
    public record Rule(
            String id,
            String action,
            String code,
            int status,
            String message,
            Integer times,
            double probability,
            long delayMs) {
        public Rule {
            if (code == null && delayMs <= 0) {
                throw new IllegalArgumentException("a fault needs a \"code\" or a \"delayMs\" above 0");
            }
            if (code != null && (code.isBlank() || code.length() > 128)) {
                throw new IllegalArgumentException("\"code\" must be 1-128 characters");
            }
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("\"status\" must be 400-599, got " + status);
            }
            if (times != null && times < 1) {
                throw new IllegalArgumentException("\"times\" must be at least 1, got " + times);
            }
            if (!(probability > 0 && probability <= 1)) {
                throw new IllegalArgumentException("\"probability\" must be above 0 and at most 1, got " + probability);
            }
            if (delayMs < 0 || delayMs > 600_000) {
                throw new IllegalArgumentException("\"delayMs\" must be 0-600000, got " + delayMs);
            }
        }

        boolean matches(String name) {
            return action == null || action.equals("*") || action.equals(name);
        }

        Rule withId(String newId) {
            return new Rule(newId, action, code, status, message, times, probability, delayMs);
        }

        Rule used() {
            return new Rule(id, action, code, status, message, times == null ? null : times - 1, probability, delayMs);
        }
    }

    private final AtomicLong ids = new AtomicLong();
    /** Replaced whole on every change, read without a lock. */
    private volatile List<Rule> rules = List.of();

    /** Adds {@code rule} (its id is replaced); returns it as kept. */
    public synchronized Rule add(Rule rule) {
        Rule kept = rule.withId("f-" + ids.incrementAndGet());
        List<Rule> next = new ArrayList<>(rules);
        next.add(kept);
        rules = List.copyOf(next);
        return kept;
    }

    /** The rules in force, oldest first, each with the times it has left. */
    public List<Rule> list() {
        return rules;
    }

    /** Removes the rule {@code id}; returns it, or null if there is none. */
    public synchronized Rule remove(String id) {
        List<Rule> next = new ArrayList<>(rules);
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).id().equals(id)) {
                Rule gone = next.remove(i);
                rules = List.copyOf(next);
                return gone;
            }
        }
        return null;
    }

    public synchronized void clear() {
        rules = List.of();
    }

    /**
     * Applies the first rule in force for {@code action}, if any and if its probability says so:
     * waits its delay, then throws its error (or returns, for a delay alone). One call uses one of
     * its times; a rule whose times are used up is gone.
     */
    void apply(String action) {
        if (rules.isEmpty()) {
            return;
        }
        Rule fired = take(action);
        if (fired == null) {
            return;
        }
        if (fired.delayMs() > 0) {
            try {
                Thread.sleep(fired.delayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (fired.code() != null) {
            throw new ApiException(fired.status(), fired.code(), fired.message());
        }
    }

    private synchronized Rule take(String action) {
        List<Rule> now = rules;
        for (int i = 0; i < now.size(); i++) {
            Rule r = now.get(i);
            if (!r.matches(action)) {
                continue;
            }
            if (r.probability() < 1 && ThreadLocalRandom.current().nextDouble() >= r.probability()) {
                return null; // spared: the first matching rule decides, and keeps its times
            }
            if (r.times() != null) {
                List<Rule> next = new ArrayList<>(now);
                if (r.times() == 1) {
                    next.remove(i);
                } else {
                    next.set(i, r.used());
                }
                rules = List.copyOf(next);
            }
            return r;
        }
        return null;
    }
}
