package dev.swasd.ram;

import java.util.List;
import java.util.Optional;

/**
 * One key under one operator of a statement's Condition block, compiled:
 * {@code "ForAnyValue:StringEqualsIfExists": {"acs:SourceVpc": ["vpc-1", "vpc-2"]}} is one clause.
 * Every clause of a statement must hold (AND); the listed values are alternatives (OR, or NOR for
 * a negated operator).
 *
 * @param operatorName the operator as written, for messages
 * @param key          the condition key as written; looked up case-insensitively
 */
record ConditionClause(
        String operatorName,
        ConditionOperator operator,
        SetQualifier qualifier,
        boolean ifExists,
        String key,
        List<ValueMatcher> values) {

    /** {@code ForAnyValue:} / {@code ForAllValues:} prefixes for multi-valued keys (AWS semantics, ram.md section 5). */
    enum SetQualifier {
        NONE,
        FOR_ANY_VALUE,
        FOR_ALL_VALUES
    }

    ConditionClause {
        values = List.copyOf(values);
    }

    boolean holds(RequestContext context) {
        List<String> requestValues = context.values(key);
        if (requestValues.isEmpty()) {
            return whenKeyAbsent();
        }
        boolean any = false;
        boolean all = true;
        for (String value : requestValues) {
            Optional<Boolean> listed = matchesAnyListedValue(value);
            if (listed.isEmpty()) {
                return false; // a value that cannot be read as the operator's type fails the condition
            }
            boolean satisfied = operator.negated() != listed.get();
            any |= satisfied;
            all &= satisfied;
        }
        return switch (qualifier) {
            case FOR_ANY_VALUE -> any;
            case FOR_ALL_VALUES -> all;
            // A plain negated operator on several request values: none of them may match (the
            // complement of the positive operator, which needs one match).
            case NONE -> operator.negated() ? all : any;
        };
    }

    private boolean whenKeyAbsent() {
        if (ifExists) {
            return true;
        }
        return switch (qualifier) {
            case FOR_ANY_VALUE -> false;
            case FOR_ALL_VALUES -> true;
            case NONE -> operator.negated();
        };
    }

    private Optional<Boolean> matchesAnyListedValue(String requestValue) {
        for (ValueMatcher listed : values) {
            Optional<Boolean> result = listed.test(requestValue);
            if (result.isEmpty() || result.get()) {
                return result;
            }
        }
        return Optional.of(false);
    }
}
