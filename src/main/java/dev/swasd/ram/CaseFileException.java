package dev.swasd.ram;

/** A simulation case file that cannot be read; the message is one line naming the case and element. */
public final class CaseFileException extends RuntimeException {
    CaseFileException(String message) {
        super(message);
    }
}
