package dev.swasd.ram;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * One condition value of a policy, compiled for its operator's family. {@link #test} answers
 * whether a request value matches it, or empty when the request value cannot be read as the
 * family's type (such a condition is false, ram.md section 5).
 */
sealed interface ValueMatcher {
    Optional<Boolean> test(String requestValue);

    /** StringEquals / StringEqualsIgnoreCase (and their negations). */
    record Text(String value, boolean ignoreCase) implements ValueMatcher {
        @Override
        public Optional<Boolean> test(String requestValue) {
            return Optional.of(ignoreCase ? value.equalsIgnoreCase(requestValue) : value.equals(requestValue));
        }
    }

    /** StringLike: a case-sensitive glob. */
    record Like(Glob pattern) implements ValueMatcher {
        @Override
        public Optional<Boolean> test(String requestValue) {
            return Optional.of(pattern.matches(requestValue));
        }
    }

    /** Numeric*: decimal comparison, so {@code 2.50} equals {@code 2.5}. */
    record Number(BigDecimal value, Ordering ordering) implements ValueMatcher {
        @Override
        public Optional<Boolean> test(String requestValue) {
            return ConditionValues.number(requestValue).map(v -> ordering.holds(v.compareTo(value)));
        }
    }

    /** Date*: instants, whatever offset each side was written with. */
    record Date(Instant value, Ordering ordering) implements ValueMatcher {
        @Override
        public Optional<Boolean> test(String requestValue) {
            return ConditionValues.instant(requestValue).map(v -> ordering.holds(v.compareTo(value)));
        }
    }

    /** Bool. */
    record Bool(boolean value) implements ValueMatcher {
        @Override
        public Optional<Boolean> test(String requestValue) {
            return ConditionValues.bool(requestValue).map(v -> v == value);
        }
    }

    /** IpAddress: the request address lies in the block. */
    record Ip(IpRange range) implements ValueMatcher {
        @Override
        public Optional<Boolean> test(String requestValue) {
            return IpRange.parseAddress(requestValue).map(range::contains);
        }
    }

    /** How a request value must compare with the policy value: request (ordering) policy. */
    enum Ordering {
        EQUAL,
        LESS,
        LESS_OR_EQUAL,
        GREATER,
        GREATER_OR_EQUAL;

        boolean holds(int requestComparedToPolicy) {
            return switch (this) {
                case EQUAL -> requestComparedToPolicy == 0;
                case LESS -> requestComparedToPolicy < 0;
                case LESS_OR_EQUAL -> requestComparedToPolicy <= 0;
                case GREATER -> requestComparedToPolicy > 0;
                case GREATER_OR_EQUAL -> requestComparedToPolicy >= 0;
            };
        }
    }
}
