package dev.swasd.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.Client;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import com.aliyun.teautil.models.RuntimeOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Calls swasd the way the Alibaba Cloud Terraform provider's transport does (spec/swas-breadth.md
 * 1.1): the official generic client signing V1 (HMAC-SHA1), every action parameter in an
 * {@code application/x-www-form-urlencoded} body, lists as {@code Name.1=…} where the provider
 * passes a slice, {@code ClientToken} {@code TF-<Action>-<unix>-<uuid>} cut to 64 characters where
 * the provider sends one, and waits that poll a read until a target value.
 */
final class TerraformTransport {
    private final Client client;

    TerraformTransport(String endpoint, String keyId, String secret) {
        try {
            client = new Client(new Config()
                    .setAccessKeyId(keyId)
                    .setAccessKeySecret(secret)
                    .setEndpoint(endpoint)
                    .setProtocol("http")
                    .setSignatureAlgorithm("v2"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token as the provider makes it for an action. */
    static String token(String action) {
        String t = "TF-" + action + "-" + System.currentTimeMillis() / 1000 + "-" + UUID.randomUUID();
        return t.length() > 64 ? t.substring(0, 64) : t;
    }

    /** One RpcPost; the answer's body, or the test fails with the error the server gave. */
    Map<String, Object> post(String action, Object... kv) {
        try {
            return send(action, kv);
        } catch (TeaException e) {
            throw new AssertionError(
                    action + " failed: " + e.getStatusCode() + " " + e.getCode() + " " + e.getMessage(), e);
        }
    }

    /** One RpcPost expected to fail: the error as the client raised it. */
    TeaException postError(String action, Object... kv) {
        try {
            Map<String, Object> body = send(action, kv);
            throw new AssertionError(action + " succeeded, an error was expected: " + body);
        } catch (TeaException e) {
            return e;
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> send(String action, Object... kv) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            if (v instanceof List<?> list) {
                // a Go slice: flattened by tea-rpc-utils into Name.1, Name.2, ...
                for (int n = 0; n < list.size(); n++) {
                    body.put(kv[i] + "." + (n + 1), list.get(n).toString());
                }
            } else if (v != null) {
                body.put((String) kv[i], v.toString());
            }
        }
        Params params = new Params()
                .setAction(action)
                .setVersion("2020-06-01")
                .setProtocol("HTTP")
                .setPathname("/")
                .setMethod("POST")
                .setAuthType("AK")
                .setStyle("RPC")
                .setReqBodyType("formData")
                .setBodyType("json");
        try {
            Map<String, ?> response = client.callApi(params, new OpenApiRequest().setBody(body), new RuntimeOptions());
            assertThat(response.get("statusCode")).as(action).isEqualTo(200);
            Map<String, Object> answer = (Map<String, Object>) response.get("body");
            assertThat(answer.containsKey("Code") && answer.containsKey("Message"))
                    .as("%s: a 200 with Code and Message reads as an error to the provider", action)
                    .isFalse();
            return answer;
        } catch (TeaException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * BuildStateConf with an empty pending list: read until the value is the target; any other
     * value keeps waiting (a hang in Terraform, a failure here after {@code seconds}).
     */
    static <T> T waitFor(String what, Supplier<T> read, Predicate<T> target, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        T last = null;
        while (System.nanoTime() < deadline) {
            last = read.get();
            if (target.test(last)) {
                return last;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what + "; last read " + last);
    }
}
