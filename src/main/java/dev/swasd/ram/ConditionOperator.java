package dev.swasd.ram;

import dev.swasd.ram.ValueMatcher.Ordering;
import java.util.Arrays;
import java.util.Optional;

/**
 * The base condition operators of ram.md section 5, by exact (case-sensitive) name. A negated
 * operator is the complement of a positive one: it holds when the request value matches none of
 * the listed values (NOR), and when the key is absent.
 */
enum ConditionOperator {
    STRING_EQUALS("StringEquals", Family.TEXT, Ordering.EQUAL, false),
    STRING_NOT_EQUALS("StringNotEquals", Family.TEXT, Ordering.EQUAL, true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Family.TEXT_IGNORE_CASE, Ordering.EQUAL, false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Family.TEXT_IGNORE_CASE, Ordering.EQUAL, true),
    STRING_LIKE("StringLike", Family.LIKE, Ordering.EQUAL, false),
    STRING_NOT_LIKE("StringNotLike", Family.LIKE, Ordering.EQUAL, true),
    NUMERIC_EQUALS("NumericEquals", Family.NUMBER, Ordering.EQUAL, false),
    NUMERIC_NOT_EQUALS("NumericNotEquals", Family.NUMBER, Ordering.EQUAL, true),
    NUMERIC_LESS_THAN("NumericLessThan", Family.NUMBER, Ordering.LESS, false),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Family.NUMBER, Ordering.LESS_OR_EQUAL, false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Family.NUMBER, Ordering.GREATER, false),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Family.NUMBER, Ordering.GREATER_OR_EQUAL, false),
    DATE_EQUALS("DateEquals", Family.DATE, Ordering.EQUAL, false),
    DATE_NOT_EQUALS("DateNotEquals", Family.DATE, Ordering.EQUAL, true),
    DATE_LESS_THAN("DateLessThan", Family.DATE, Ordering.LESS, false),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", Family.DATE, Ordering.LESS_OR_EQUAL, false),
    DATE_GREATER_THAN("DateGreaterThan", Family.DATE, Ordering.GREATER, false),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Family.DATE, Ordering.GREATER_OR_EQUAL, false),
    BOOL("Bool", Family.BOOL, Ordering.EQUAL, false),
    IP_ADDRESS("IpAddress", Family.IP, Ordering.EQUAL, false),
    NOT_IP_ADDRESS("NotIpAddress", Family.IP, Ordering.EQUAL, true);

    /** What a policy value is read as. */
    enum Family {
        TEXT,
        TEXT_IGNORE_CASE,
        LIKE,
        NUMBER,
        DATE,
        BOOL,
        IP
    }

    private final String wireName;
    private final Family family;
    private final Ordering ordering;
    private final boolean negated;

    ConditionOperator(String wireName, Family family, Ordering ordering, boolean negated) {
        this.wireName = wireName;
        this.family = family;
        this.ordering = ordering;
        this.negated = negated;
    }

    String wireName() {
        return wireName;
    }

    Family family() {
        return family;
    }

    Ordering ordering() {
        return ordering;
    }

    boolean negated() {
        return negated;
    }

    static Optional<ConditionOperator> byWireName(String name) {
        return Arrays.stream(values()).filter(o -> o.wireName.equals(name)).findFirst();
    }
}
