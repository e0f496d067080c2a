package dev.swasd.ram;

/**
 * A policy document RAM would refuse at creation time. The message is one line written for the
 * policy's author and names the offending element by its path, e.g.
 * {@code Statement[1].Effect must be "Allow" or "Deny", got "allow"}.
 */
public final class MalformedPolicyException extends RuntimeException {
    /** RAM's error code for a document it cannot accept. */
    public static final String MALFORMED = "MalformedPolicyDocument";
    /** RAM's error code for a document outside 1..{@value PolicyParser#MAX_DOCUMENT_CHARS} characters. */
    public static final String LENGTH = "InvalidParameter.PolicyDocument.Length";

    private final String errorCode;

    MalformedPolicyException(String errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    static MalformedPolicyException malformed(String message) {
        return new MalformedPolicyException(MALFORMED, message);
    }

    /** {@link #MALFORMED} or {@link #LENGTH}: the Code the RAM API answers with (HTTP 400 either way). */
    public String errorCode() {
        return errorCode;
    }
}
