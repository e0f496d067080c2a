package dev.swasd.ram;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** Reads condition values as numbers, instants and booleans, the same way for policies and requests. */
final class ConditionValues {
    private ConditionValues() {}

    /** A plain decimal ({@code 10}, {@code -2.50}, {@code 1e3}); no spaces, no NaN or infinity. */
    static Optional<BigDecimal> number(String text) {
        if (text.isEmpty() || !text.matches("[-+]?[0-9]*\\.?[0-9]*([eE][-+]?[0-9]+)?") || !text.matches(".*[0-9].*")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * ISO 8601: {@code 2019-08-12T17:00:00+08:00}, {@code …Z}, fractional seconds allowed. Without an
     * offset the time is UTC; a bare date is its midnight UTC (both inferred).
     */
    static Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return Optional.of(LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                        .toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notLocal) {
                try {
                    return Optional.of(LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE)
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant());
                } catch (DateTimeParseException notDate) {
                    return Optional.empty();
                }
            }
        }
    }

    /** {@code true} or {@code false} in any case. */
    static Optional<Boolean> bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
