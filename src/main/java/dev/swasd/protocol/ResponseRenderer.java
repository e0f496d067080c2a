package dev.swasd.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swasd.errors.ApiError;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * The render stage: JSON by default, XML for {@code Format=XML}, and the error envelope of
 * protocol.md 7.2. The XML error content type must be exactly {@code text/xml;charset=utf-8}, the
 * only one the npm and tea clients parse as XML.
 */
public final class ResponseRenderer {
    public static final String JSON_TYPE = "application/json;charset=utf-8";
    public static final String XML_TYPE = "text/xml;charset=utf-8";
    /*
     * Jackson keeps its buffers per thread by default, and a virtual thread lives for one request,
     * so every response would allocate fresh ones; a shared pool hands them from request to request.
     */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
            .build());

    private ResponseRenderer() {}

    public static ObjectMapper json() {
        return JSON;
    }

    /** A success body; {@code body} must already hold its fields, RequestId is put first. */
    public static RenderedResponse success(String action, String requestId, ObjectNode body, boolean xml) {
        ObjectNode out = JSON.createObjectNode();
        out.put("RequestId", requestId);
        out.setAll(body);
        if (xml) {
            StringBuilder sb = new StringBuilder(256).append("<?xml version='1.0' encoding='UTF-8'?>");
            element(sb, action + "Response", out);
            return new RenderedResponse(200, XML_TYPE, sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        return new RenderedResponse(200, JSON_TYPE, bytes(out));
    }

    /**
     * The success response as a template: rendered with a stand-in RequestId, then cut around it.
     * RequestId is the first field (JSON) or element (XML) of every success, so the stand-in's
     * first occurrence is the one to cut at, whatever the body holds.
     */
    public static ResponseTemplate template(String action, ObjectNode body, boolean xml) {
        RenderedResponse whole = success(action, STAND_IN_ID, body, xml);
        byte[] bytes = whole.body();
        byte[] id = STAND_IN_ID.getBytes(StandardCharsets.UTF_8);
        int at = indexOf(bytes, id);
        return new ResponseTemplate(
                whole.status(),
                whole.contentType(),
                Arrays.copyOfRange(bytes, 0, at),
                Arrays.copyOfRange(bytes, at + id.length, bytes.length));
    }

    private static final String STAND_IN_ID = "00000000-0000-0000-0000-000000000000";

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("the stand-in RequestId is missing from the rendered response");
    }

    public static RenderedResponse error(
            ApiError error, String requestId, String hostId, String product, JsonNode accessDeniedDetail, boolean xml) {
        String recommend = "https://api.aliyun.com/troubleshoot?q=" + error.code() + "&product=" + product
                + "&requestId=" + requestId;
        if (xml) {
            StringBuilder sb = new StringBuilder(256).append("<?xml version='1.0' encoding='UTF-8'?><Error>");
            leaf(sb, "RequestId", requestId);
            leaf(sb, "HostId", hostId);
            leaf(sb, "Code", error.code());
            leaf(sb, "Message", error.message());
            sb.append("<Recommend><![CDATA[")
                    .append(recommend.replace("]]>", "]]]]><![CDATA[>"))
                    .append("]]></Recommend>");
            if (accessDeniedDetail != null) {
                element(sb, "AccessDeniedDetail", accessDeniedDetail);
            }
            sb.append("</Error>");
            return new RenderedResponse(
                    error.httpStatus(), XML_TYPE, sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("RequestId", requestId);
        out.put("HostId", hostId);
        out.put("Code", error.code());
        out.put("Message", error.message());
        out.put("Recommend", recommend);
        if (accessDeniedDetail != null) {
            out.set("AccessDeniedDetail", accessDeniedDetail);
        }
        return new RenderedResponse(error.httpStatus(), JSON_TYPE, bytes(out));
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Objects become nested elements; an array repeats its element once per item. */
    private static void element(StringBuilder sb, String name, JsonNode node) {
        if (node.isObject()) {
            sb.append('<').append(name).append('>');
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                element(sb, e.getKey(), e.getValue());
            }
            sb.append("</").append(name).append('>');
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                element(sb, name, item);
            }
        } else if (!node.isNull()) {
            leaf(sb, name, node.asText());
        }
    }

    /** A character XML 1.0 allows (a surrogate only as half of a pair, handled by the caller). */
    private static boolean xmlChar(char c) {
        return c >= 0x20
                ? !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF'
                : c == '\t' || c == '\n' || c == '\r';
    }

    private static void leaf(StringBuilder sb, String name, String text) {
        sb.append('<').append(name).append('>');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                // kept as sent: a raw CR would reach the client as LF (XML's end-of-line handling)
                case '\r' -> sb.append("&#13;");
                default -> {
                    if (Character.isHighSurrogate(c)
                            && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        sb.append(c).append(text.charAt(++i));
                    } else if (xmlChar(c)) {
                        sb.append(c);
                    } else {
                        // no XML document can hold it, even escaped; the validator refuses such
                        // parameters, so this is text from elsewhere (a stored value, a message)
                        sb.append('\uFFFD');
                    }
                }
            }
        }
        sb.append("</").append(name).append('>');
    }
}
