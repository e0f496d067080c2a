package dev.swasd.errors;

/**
 * The errors the Alibaba Cloud API gateway answers before a request reaches a product, with the
 * statuses and wording of spec/protocol.md section 7.3.
 */
public final class GatewayErrors {
    private GatewayErrors() {}

    public static ApiException missingParameter(String name) {
        return new ApiException(400, "Missing" + name.replace(".", ""), name + " is mandatory for this action.");
    }

    public static ApiException invalidParameter(String name, String why) {
        return new ApiException(
                400, "InvalidParameter", "The specified parameter \"" + name + "\" is not valid: " + why);
    }

    public static ApiException invalidFormat() {
        return new ApiException(400, "InvalidParameter.Format", "Specified parameter format is not valid.");
    }

    public static ApiException actionNotFound() {
        return new ApiException(
                404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.");
    }

    public static ApiException invalidVersion() {
        return new ApiException(400, "InvalidVersion", "Specified parameter Version is not valid.");
    }

    public static ApiException accessKeyNotFound() {
        return new ApiException(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
    }

    public static ApiException accessKeyInactive() {
        return new ApiException(400, "InvalidAccessKeyId.Inactive", "Specified access key is disabled.");
    }

    public static ApiException timestampFormat() {
        return new ApiException(
                400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");
    }

    public static ApiException timestampExpired() {
        return new ApiException(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
    }

    public static ApiException nonceUsed() {
        return new ApiException(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
    }

    public static ApiException signatureV1Mismatch(String stringToSign) {
        return new ApiException(
                400,
                "SignatureDoesNotMatch",
                "Specified signature is not matched with our calculation. server string to sign is:" + stringToSign);
    }

    public static ApiException signatureV3Mismatch(String stringToSign) {
        return new ApiException(
                400,
                "SignatureDoesNotMatch",
                "Specified signature does not match our calculation. server StringToSign is [" + stringToSign + "]");
    }

    public static ApiException incompleteSignature(String why) {
        return new ApiException(
                400, "IncompleteSignature", "The request signature does not conform to Aliyun standards. " + why);
    }

    public static ApiException signatureMethod() {
        return new ApiException(400, "InvalidSignatureMethod", "Specified signature method is not valid.");
    }

    public static ApiException missingSecurityToken() {
        return new ApiException(400, "MissingSecurityToken", "SecurityToken is mandatory for this action.");
    }

    public static ApiException securityTokenExpired() {
        return new ApiException(400, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired.");
    }

    public static ApiException securityTokenMismatch() {
        return new ApiException(
                400,
                "InvalidSecurityToken.MismatchWithAccessKey",
                "Specified SecurityToken mismatch with the AccessKey.");
    }

    public static ApiException unsupportedHttpMethod(String method) {
        return new ApiException(
                400, "UnsupportedHTTPMethod", "HTTP method " + method + " is not supported; use GET or POST.");
    }

    /** The wording of the service's own pages (seed DeleteCustomImages: "500 InternalError An error occurred ..."). */
    public static ApiException internalError() {
        return new ApiException(500, "InternalError", "An error occurred while processing your request.");
    }

    /** A failure that passes by itself: the database cannot be reached or has no room (spec/protocol.md 7.3). */
    public static ApiException serviceUnavailable() {
        return new ApiException(
                503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.");
    }

    /** Our own code for a body that stopped arriving before its declared length (docs/decisions.md). */
    public static ApiException bodyTimeout(long seconds) {
        return new ApiException(
                408,
                "RequestTimeout",
                "The request body did not arrive: nothing was received for " + seconds + " seconds.");
    }

    /** Our own code for a body that ended (the connection closed) before its declared length. */
    public static ApiException bodyIncomplete() {
        return new ApiException(400, "InvalidRequest", "The request body ended before its declared length.");
    }

    /** Our own code for an HTTP version other than 1.0 and 1.1 (HTTP/0.9, HTTP/2 without upgrade ...). */
    public static ApiException unsupportedHttpVersion() {
        return new ApiException(505, "UnsupportedHTTPVersion", "The HTTP version is not supported; use HTTP/1.1.");
    }

    /** Our own code for the request-size limits, which the gateway documents no code for. */
    public static ApiException tooLarge(String what) {
        return new ApiException(413, "RequestTooLarge", what);
    }

    /**
     * Our own code for an action the catalog knows but swasd does not implement (docs/decisions.md):
     * a 4xx, because clients such as the Terraform provider retry every 5xx until their timeout.
     */
    public static ApiException notImplemented(String product, String version, String action) {
        return new ApiException(
                400,
                "NotImplemented",
                "swasd knows " + product + " " + version + " action " + action
                        + " and validated its parameters, but does not implement it yet.");
    }
}
