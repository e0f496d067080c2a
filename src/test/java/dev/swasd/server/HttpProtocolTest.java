package dev.swasd.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Wire-level behaviour that no official client provokes on its own: limits, methods, paths, formats. */
class HttpProtocolTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + server.endpoint() + pathAndQuery));
        b.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/x-www-form-urlencoded");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode envelope(HttpResponse<String> r) throws IOException {
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json;charset=utf-8");
        JsonNode n = JSON.readTree(r.body());
        assertThat(n.path("RequestId").asText()).matches("[0-9A-F-]{36}");
        assertThat(n.path("HostId").asText()).isNotEmpty();
        assertThat(n.path("Recommend").asText()).contains(n.path("Code").asText());
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return n;
    }

    @Test
    void healthAndReadiness() throws Exception {
        assertThat(send("GET", "/healthz", null).statusCode()).isEqualTo(200);
        HttpResponse<String> ready = send("GET", "/readyz", null);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("ready");
    }

    @Test
    void unsignedRequestIsMissingSignature() throws Exception {
        HttpResponse<String> r = send("POST", "/?Action=ListRegions&Version=2020-06-01", null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(envelope(r).path("Code").asText()).isEqualTo("MissingSignature");
    }

    @Test
    void xmlErrorsUseTheExactContentTypeTheClientsParse() throws Exception {
        HttpResponse<String> r = send("GET", "/?Action=ListRegions&Version=2020-06-01&Format=XML", null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).contains("text/xml;charset=utf-8");
        assertThat(r.body())
                .startsWith("<?xml version='1.0' encoding='UTF-8'?><Error><RequestId>")
                .contains("<Code>MissingSignature</Code>")
                .contains("<Recommend><![CDATA[https://");
        HttpResponse<String> viaForm = send("POST", "/", "Action=ListRegions&Version=2020-06-01&Format=xml");
        assertThat(viaForm.headers().firstValue("Content-Type")).contains("text/xml;charset=utf-8");
    }

    @Test
    void unknownFormatIsRefused() throws Exception {
        HttpResponse<String> r = send("GET", "/?Action=ListRegions&Format=YAML", null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(envelope(r).path("Code").asText()).isEqualTo("InvalidParameter.Format");
    }

    @Test
    void otherPathsAndMethods() throws Exception {
        HttpResponse<String> path = send("GET", "/v1/images", null);
        assertThat(path.statusCode()).isEqualTo(404);
        assertThat(envelope(path).path("Code").asText()).isEqualTo("InvalidAction.NotFound");
        HttpResponse<String> put = send("PUT", "/?Action=ListRegions", "");
        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(envelope(put).path("Code").asText()).isEqualTo("UnsupportedHTTPMethod");
    }

    @Test
    void sizeLimits() throws Exception {
        HttpResponse<String> big = send("POST", "/", "Description=" + "x".repeat((1 << 20) + 10));
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(envelope(big).path("Code").asText()).isEqualTo("RequestTooLarge");

        StringBuilder many = new StringBuilder("Action=ListRegions");
        for (int i = 0; i < 600; i++) {
            many.append("&P").append(i).append("=v");
        }
        HttpResponse<String> count = send("POST", "/", many.toString());
        assertThat(count.statusCode()).isEqualTo(400);
        assertThat(envelope(count).path("Message").asText()).contains("more than 512 parameters");

        HttpResponse<String> longValue = send("POST", "/", "Description=" + "y".repeat(40_000));
        assertThat(longValue.statusCode()).isEqualTo(400);
        assertThat(envelope(longValue).path("Message").asText())
                .contains("Description")
                .contains("32768");

        HttpResponse<String> twice = send("POST", "/?RegionId=a", "RegionId=b");
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(envelope(twice).path("Message").asText())
                .contains("RegionId")
                .contains("more than once");

        HttpResponse<String> longUri = send("GET", "/?Description=" + "z".repeat(70_000), null);
        assertThat(longUri.statusCode()).isIn(413, 414, 431);
        assertThat(envelope(longUri).path("Code").asText()).isEqualTo("RequestTooLarge");
    }

    @Test
    void badPercentEncodingIsAClientError() throws Exception {
        HttpResponse<String> r = send("POST", "/", "Action=ListRegions&Description=%zz");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(envelope(r).path("Code").asText()).isEqualTo("InvalidParameter");
    }

    @Test
    void malformedHttpGetsTheEnvelopeToo() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 400");
            assertThat(response).contains("\"Code\":\"InvalidRequest\"");
        }
    }
}
