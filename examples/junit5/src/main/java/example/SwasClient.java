package example;

import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.Client;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import com.aliyun.teautil.models.RuntimeOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The application's door to SWAS: the official generic client, calling actions by name. */
public final class SwasClient {
    private final Client client;

    public SwasClient(String endpoint, String accessKeyId, String accessKeySecret) throws Exception {
        this.client = new Client(new Config().setEndpoint(endpoint).setProtocol("http")
                .setAccessKeyId(accessKeyId).setAccessKeySecret(accessKeySecret));
    }

    /** Calls {@code action} with {@code params} (name, value, name, value ...) and returns the JSON body. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> call(String action, Object... params) throws Exception {
        Map<String, String> query = new HashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            query.put((String) params[i], String.valueOf(params[i + 1]));
        }
        Params p = new Params().setAction(action).setVersion("2020-06-01").setProtocol("HTTP").setPathname("/")
                .setMethod("POST").setAuthType("AK").setStyle("RPC").setReqBodyType("formData").setBodyType("json");
        return (Map<String, Object>) client.callApi(p, new OpenApiRequest().setQuery(query), new RuntimeOptions())
                .get("body");
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Map<String, Object> body, String field) {
        return (List<Map<String, Object>>) body.get(field);
    }

    /** Whether {@code e} is an error worth trying again (the service's throttling codes). */
    public static boolean retryable(Exception e) {
        return e instanceof TeaException t && t.getCode() != null && t.getCode().startsWith("Throttling");
    }
}
