package dev.swasd.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.Client;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import com.aliyun.teautil.models.RuntimeOptions;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** The official generic Java client {@code tea-openapi}, aimed at one swasd, for story tests. */
public final class TeaClient {
    private final Client client;
    private final String version;

    public TeaClient(String endpoint, String keyId, String secret, String signing, String version) {
        this(endpoint, null, keyId, secret, signing, version);
    }

    /**
     * @param proxy where requests really go ({@code http://127.0.0.1:PORT}), so that {@code endpoint}
     *              can be a name such as {@code swas.cn-shanghai.aliyuncs.com} that the Host header carries
     */
    public TeaClient(String endpoint, String proxy, String keyId, String secret, String signing, String version) {
        try {
            Config config = new Config()
                    .setAccessKeyId(keyId)
                    .setAccessKeySecret(secret)
                    .setEndpoint(endpoint)
                    .setProtocol("http")
                    .setHttpProxy(proxy);
            if (signing.equals("v1")) {
                config.setSignatureAlgorithm("v2");
            }
            this.client = new Client(config);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        this.version = version;
    }

    public static TeaClient swas(String endpoint, String keyId, String secret, String signing) {
        return new TeaClient(endpoint, keyId, secret, signing, "2020-06-01");
    }

    /** Calls the action and returns the JSON body; fails the test on an error answer. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> call(String action, Object... kv) {
        try {
            Map<String, ?> response = client.callApi(params(action), request(kv), new RuntimeOptions());
            assertThat(response.get("statusCode")).isEqualTo(200);
            return (Map<String, Object>) response.get("body");
        } catch (TeaException e) {
            throw new AssertionError(action + " failed: " + e.getCode() + " " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Calls the action and returns the JSON body; an error answer ({@link TeaException} with a
     * Code) or a transport failure (no answer) is thrown as the client threw it.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> send(String action, Object... kv) throws Exception {
        return (Map<String, Object>) client.callApi(params(action), request(kv), new RuntimeOptions())
                .get("body");
    }

    /** Calls the action expecting an error answer, and returns it. */
    public TeaException error(String action, Object... kv) {
        try {
            Map<String, ?> response = client.callApi(params(action), request(kv), new RuntimeOptions());
            throw new AssertionError(action + " succeeded but an error was expected: " + response.get("body"));
        } catch (TeaException e) {
            return e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Params params(String action) {
        return new Params()
                .setAction(action)
                .setVersion(version)
                .setProtocol("HTTP")
                .setPathname("/")
                .setMethod("POST")
                .setAuthType("AK")
                .setStyle("RPC")
                .setReqBodyType("formData")
                .setBodyType("json");
    }

    private static OpenApiRequest request(Object... kv) {
        Map<String, Object> query = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            query.put((String) kv[i], kv[i + 1] == null ? null : kv[i + 1].toString());
        }
        query.values().removeIf(Objects::isNull);
        try {
            return new OpenApiRequest().setQuery(com.aliyun.openapiutil.Client.query(query));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
