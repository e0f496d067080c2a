package dev.swasd.protocol;

import dev.swasd.errors.ApiException;
import dev.swasd.errors.GatewayErrors;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The decode stage: raw HTTP pieces to one {@link ApiRequest}, with the size limits. */
public final class RequestDecoder {
    private final RequestLimits limits;

    public RequestDecoder(RequestLimits limits) {
        this.limits = limits;
    }

    /**
     * @param headers header name/value pairs as received; names in any case
     */
    public ApiRequest decode(
            String method,
            String rawQuery,
            List<Map.Entry<String, String>> headers,
            byte[] body,
            String sourceIp,
            boolean secure) {
        Map<String, String> headerMap = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : headers) {
            headerMap.merge(h.getKey().toLowerCase(Locale.ROOT), h.getValue(), (a, b) -> a + "," + b);
        }
        // Format decides how even a decoding error is rendered, so look for it first.
        List<FormCodec.Pair> query = FormCodec.decode(rawQuery);
        boolean xml = wantsXml(query);
        try {
            if (!method.equals("GET") && !method.equals("POST")) {
                throw GatewayErrors.unsupportedHttpMethod(method);
            }
            if (body.length > limits.maxBodyBytes()) {
                throw GatewayErrors.tooLarge("The request body is larger than " + limits.maxBodyBytes() + " bytes.");
            }
            Map<String, String> params = new LinkedHashMap<>();
            addAll(params, query);
            String contentType = headerMap.getOrDefault("content-type", "");
            if (body.length > 0
                    && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                List<FormCodec.Pair> form = FormCodec.decode(new String(body, StandardCharsets.UTF_8));
                addAll(params, form);
                xml = xml || wantsXml(form);
            }
            String format = params.get("Format");
            if (format != null && !format.equalsIgnoreCase("JSON") && !format.equalsIgnoreCase("XML")) {
                throw GatewayErrors.invalidFormat();
            }
            return new ApiRequest(
                    method,
                    headerMap.getOrDefault("host", ""),
                    Collections.unmodifiableList(query),
                    Collections.unmodifiableMap(params),
                    Collections.unmodifiableMap(headerMap),
                    body,
                    sourceIp,
                    secure,
                    xml);
        } catch (ApiException e) {
            throw new DecodeException(e, xml);
        }
    }

    private void addAll(Map<String, String> params, List<FormCodec.Pair> pairs) {
        for (FormCodec.Pair p : pairs) {
            if (p.value().length() > limits.maxValueLength()) {
                throw GatewayErrors.invalidParameter(
                        p.name(), "its value is longer than " + limits.maxValueLength() + " characters.");
            }
            if (params.putIfAbsent(p.name(), p.value()) != null) {
                throw GatewayErrors.invalidParameter(p.name(), "it is given more than once.");
            }
            if (params.size() > limits.maxParameters()) {
                throw GatewayErrors.invalidParameter(
                        p.name(), "the request has more than " + limits.maxParameters() + " parameters.");
            }
        }
    }

    private static boolean wantsXml(List<FormCodec.Pair> pairs) {
        for (FormCodec.Pair p : pairs) {
            if (p.name().equals("Format")) {
                return p.value().equalsIgnoreCase("XML");
            }
        }
        return false;
    }

    /** A decoding failure, with the format the error must be rendered in. */
    public static final class DecodeException extends RuntimeException {
        private final ApiException error;
        private final boolean xml;

        DecodeException(ApiException error, boolean xml) {
            super(error.getMessage(), null, false, false);
            this.error = error;
            this.xml = xml;
        }

        public ApiException error() {
            return error;
        }

        public boolean xml() {
            return xml;
        }
    }
}
