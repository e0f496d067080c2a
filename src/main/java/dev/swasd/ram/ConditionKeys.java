package dev.swasd.ram;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * The {@code acs:*} condition keys the server supplies (ram.md section 5), and the context every
 * request carries. A key the server does not know is simply absent.
 */
public final class ConditionKeys {
    public static final String CURRENT_TIME = "acs:CurrentTime";
    public static final String SECURE_TRANSPORT = "acs:SecureTransport";
    public static final String SOURCE_IP = "acs:SourceIp";
    public static final String MFA_PRESENT = "acs:MFAPresent";
    public static final String SOURCE_VPC = "acs:SourceVpc";
    public static final String ACCESS_ID = "acs:AccessId";
    public static final String USER_AGENT = "acs:UserAgent";
    public static final String REFERER = "acs:Referer";

    private ConditionKeys() {}

    /** {@code acs:ResourceTag/<key>}: a tag of the target resource (when one ARN is evaluated). */
    public static String resourceTag(String tagKey) {
        return "acs:ResourceTag/" + tagKey;
    }

    /** {@code acs:RequestTag/<key>}: a tag passed in the request ({@code Tag.N.Key/Value}). */
    public static String requestTag(String tagKey) {
        return "acs:RequestTag/" + tagKey;
    }

    /**
     * The keys of every AccessKey-signed request: time received (UTC ISO 8601), HTTPS or not, the
     * client address and the AccessKey id. {@code acs:MFAPresent} stays absent (AccessKey calls carry
     * no MFA) and so does {@code acs:SourceVpc} (no VPC endpoint). Add headers and tags to the builder.
     */
    public static RequestContext.Builder standard(
            Instant receivedAt, boolean secureTransport, String sourceIp, String accessKeyId) {
        RequestContext.Builder b = RequestContext.builder()
                .add(CURRENT_TIME, DateTimeFormatter.ISO_INSTANT.format(receivedAt))
                .add(SECURE_TRANSPORT, Boolean.toString(secureTransport));
        if (sourceIp != null && !sourceIp.isEmpty()) {
            b.add(SOURCE_IP, sourceIp);
        }
        if (accessKeyId != null && !accessKeyId.isEmpty()) {
            b.add(ACCESS_ID, accessKeyId);
        }
        return b;
    }
}
