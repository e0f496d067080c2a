package dev.swasd.protocol;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Signed timestamps (V1 {@code Timestamp}, V3 {@code x-acs-date}) as ISO_INSTANT reads them. Every
 * official client sends the 20-character form {@code 2026-12-01T20:03:07Z}; that form is read
 * here directly (ISO_INSTANT's general parser cost several microseconds a request), every other
 * one by ISO_INSTANT itself, so what is accepted and refused is ISO_INSTANT's either way.
 */
final class Timestamps {
    private Timestamps() {}

    static Instant parse(String text) {
        if (text != null
                && text.length() == 20
                && text.charAt(4) == '-'
                && text.charAt(7) == '-'
                && text.charAt(10) == 'T'
                && text.charAt(13) == ':'
                && text.charAt(16) == ':'
                && text.charAt(19) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 2);
            int day = digits(text, 8, 2);
            int hour = digits(text, 11, 2);
            int minute = digits(text, 14, 2);
            int second = digits(text, 17, 2);
            // a leap second (60) and anything out of range go to the general parser, which decides
            if (year >= 0
                    && month >= 0
                    && day >= 0
                    && hour >= 0
                    && hour < 24
                    && minute >= 0
                    && minute < 60
                    && second >= 0
                    && second < 60) {
                try {
                    long days = LocalDate.of(year, month, day).toEpochDay();
                    return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second);
                } catch (DateTimeException e) {
                    // e.g. February 30th: refused below, as ISO_INSTANT refuses it
                }
            }
        }
        if (text == null) {
            throw new DateTimeParseException("no timestamp", "", 0);
        }
        return DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
    }

    /** The decimal number of {@code length} ASCII digits at {@code from}, or -1 if any is not a digit. */
    private static int digits(String text, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
