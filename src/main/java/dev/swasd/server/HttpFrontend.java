package dev.swasd.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swasd.errors.ApiError;
import dev.swasd.errors.ApiException;
import dev.swasd.errors.GatewayErrors;
import dev.swasd.protocol.ApiRequest;
import dev.swasd.protocol.RenderedResponse;
import dev.swasd.protocol.RequestDecoder;
import dev.swasd.protocol.RequestIds;
import dev.swasd.protocol.RequestLimits;
import dev.swasd.protocol.ResponseRenderer;
import dev.swasd.store.Database;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP server: Jetty with one virtual thread per request, so the pipeline is plain blocking
 * code. It reads the raw query and body, hands them to the decoder and pipeline, and writes back
 * what they rendered. Jetty's own error pages are replaced by the service's error envelope.
 */
public final class HttpFrontend {
    static {
        // Jetty sizes its queues' padding by the references a cache line holds and, unless told,
        // asks the platform MBean server whether oops are compressed, and starting that server is
        // a large part of start-up (docs/performance.md). They are compressed below 32 GiB of heap
        // (the JVM's default); a wrong guess only pads differently.
        if (System.getProperty("org.eclipse.jetty.util.referencesPerCacheLine") == null) {
            boolean compressed = Runtime.getRuntime().maxMemory() < 32L * 1024 * 1024 * 1024;
            System.setProperty("org.eclipse.jetty.util.referencesPerCacheLine", compressed ? "16" : "8");
        }
    }

    private final Server server;
    private final ServerConnector connector;
    private final ApiHandler handler;

    /**
     * Runs, ahead of time and on the caller's thread, the slowest class initializer of the HTTP
     * server: Jetty's MIME types list every locale the JDK has. {@code swasd serve} calls
     * it from a thread that is otherwise idle while the command line is parsed.
     */
    public static void prepare() {
        MimeTypes.getBaseType("application/json");
    }

    /**
     * The operator's endpoints beside the API.
     *
     * @param readiness what {@code /readyz} reports
     * @param metrics   the Prometheus text {@code /metrics} serves
     * @param requests  where requests refused before the pipeline (undecodable) are counted
     * @param consoles  the pages console URLs lead to ({@code /console-session/<token>})
     */
    record Ops(
            Supplier<Database.Readiness> readiness,
            Supplier<String> metrics,
            RequestMetrics requests,
            ConsolePages consoles) {}

    HttpFrontend(String bind, int port, RequestLimits limits, ApiPipeline pipeline, Ops ops) {
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("swasd-http");
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(true);
        // the query string carries every parameter of the npm client; allow it to be long
        http.setRequestHeaderSize(64 * 1024);
        // the clients send characters such as " [ ] raw in the query; decoding is ours (FormCodec)
        http.setUriCompliance(UriCompliance.LEGACY);
        // the per-connection cache of header fields pays for itself when requests repeat their
        // headers; a signed request's date, nonce and signature never repeat, so every request
        // made (and dropped) new cache keys for them
        http.setHeaderCacheSize(0);
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(bind);
        connector.setPort(port);
        // how long a connection may send nothing; a body that stops arriving is answered then
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        server.addConnector(connector);
        handler = new ApiHandler(new RequestDecoder(limits), limits, pipeline, ops, WebConsole.load());
        server.setHandler(new GracefulHandler(handler));
        server.setErrorHandler(new EnvelopeErrorHandler());
        server.setStopTimeout(15_000);
        server.setStopAtShutdown(false);
    }

    /** Serves the control API under /_swasd/ (before start); without it those paths are unknown like any other. */
    void control(ControlApi control) {
        handler.control = control;
    }

    void start() throws Exception {
        server.start();
    }

    int port() {
        return connector.getLocalPort();
    }

    /** Stops accepting, lets in-flight requests finish (up to the stop timeout), then closes. */
    void stop() throws Exception {
        server.stop();
    }

    private static final class ApiHandler extends Handler.Abstract {
        private static final byte[] NO_BODY = new byte[0];
        private final RequestDecoder decoder;
        private final RequestLimits limits;
        private final ApiPipeline pipeline;
        private final Ops ops;
        private final WebConsole console;
        private volatile ControlApi control;

        ApiHandler(RequestDecoder decoder, RequestLimits limits, ApiPipeline pipeline, Ops ops, WebConsole console) {
            super(InvocationType.BLOCKING);
            this.console = console;
            this.decoder = decoder;
            this.limits = limits;
            this.pipeline = pipeline;
            this.ops = ops;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String path = request.getHttpURI().getPath();
            if ("/healthz".equals(path)) {
                write(
                        response,
                        callback,
                        200,
                        ResponseRenderer.JSON_TYPE,
                        "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8));
                return true;
            }
            if ("/readyz".equals(path)) {
                Database.Readiness r = ops.readiness().get();
                ObjectNode body =
                        ResponseRenderer.json().createObjectNode().put("status", r.ready() ? "ready" : "not ready");
                if (!r.ready()) {
                    body.put("reason", r.reason());
                }
                write(
                        response,
                        callback,
                        r.ready() ? 200 : 503,
                        ResponseRenderer.JSON_TYPE,
                        body.toString().getBytes(StandardCharsets.UTF_8));
                return true;
            }
            if ("/metrics".equals(path)) {
                write(
                        response,
                        callback,
                        200,
                        Metrics.CONTENT_TYPE,
                        ops.metrics().get().getBytes(StandardCharsets.UTF_8));
                return true;
            }
            if (WebConsole.handles(path)) {
                WebConsole.Answer answer = console.serve(request.getMethod(), path);
                WebConsole.HEADERS.forEach(
                        (name, value) -> response.getHeaders().put(name, value));
                if (answer.location() != null) {
                    response.getHeaders().put(HttpHeader.LOCATION, answer.location());
                }
                write(response, callback, answer.status(), answer.contentType(), answer.body());
                return true;
            }
            ControlApi controls = control;
            if (controls != null && path.startsWith(ControlApi.PREFIX)) {
                control(controls, request, response, callback);
                return true;
            }
            if (ConsolePages.handles(path) && ops.consoles() != null) {
                ConsolePages.Page page = ops.consoles().render(path);
                write(
                        response,
                        callback,
                        page.status(),
                        "text/plain;charset=utf-8",
                        page.text().getBytes(StandardCharsets.UTF_8));
                return true;
            }
            String requestId = RequestIds.next();
            String host = hostId(request);
            RenderedResponse out;
            if (!"/".equals(path) && !path.isEmpty()) {
                out = envelope(
                        new ApiError(
                                404,
                                "InvalidAction.NotFound",
                                "Specified api is not found, please check your url and method."),
                        requestId,
                        host,
                        false);
            } else {
                out = process(request, requestId, host);
            }
            response.getHeaders().put("x-acs-request-id", requestId);
            if (request.getLength() > limits.maxBodyBytes()) {
                // the body was refused unread, so the connection cannot carry another request: say so,
                // or a client may send its next request on a connection the server is closing
                response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
            }
            if (out.parts().length == 1) {
                write(response, callback, out.status(), out.contentType(), out.body());
            } else {
                writeParts(request, response, callback, out);
            }
            return true;
        }

        /** A control API request (ControlApi): never through the signed pipeline. */
        private void control(ControlApi controls, Request request, Response response, Callback callback)
                throws IOException {
            byte[] body = NO_BODY;
            if (request.getLength() != 0) {
                try (InputStream in = Request.asInputStream(request)) {
                    body = in.readNBytes(limits.maxBodyBytes());
                }
            }
            ControlApi.Answer answer = controls.handle(
                    request.getMethod(),
                    request.getHttpURI().getPath(),
                    request.getHeaders().get(HttpHeader.AUTHORIZATION),
                    body);
            answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
            write(response, callback, answer.status(), ResponseRenderer.JSON_TYPE, answer.body());
        }

        /**
         * A body in parts, gathered into a pooled direct buffer that goes back to the pool when
         * the write completes: no array per response for the collector, and no copy of a heap
         * array into a temporary direct one by the socket.
         */
        private static void writeParts(Request request, Response response, Callback callback, RenderedResponse out) {
            int length = out.length();
            RetainableByteBuffer.Mutable buffer =
                    request.getComponents().getByteBufferPool().acquire(length, true);
            for (byte[] part : out.parts()) {
                buffer.put(part);
            }
            write(response, new Releasing(buffer, callback), out.status(), out.contentType(), buffer.getByteBuffer());
        }

        private RenderedResponse process(Request request, String requestId, String host) {
            byte[] body = NO_BODY;
            if (request.getLength() > limits.maxBodyBytes()) {
                // refused on its declared length, before a byte of it is read (or a 100 Continue sent)
                ApiError error = GatewayErrors.tooLarge(
                                "The request body is larger than " + limits.maxBodyBytes() + " bytes.")
                        .error();
                refused(requestId, error);
                return envelope(error, requestId, host, false);
            }
            // a GET (or an empty POST) says so in its headers; reading it anyway costs a 16 KiB buffer
            if (request.getLength() != 0) {
                try (InputStream in = Request.asInputStream(request)) {
                    body = in.readNBytes(limits.maxBodyBytes() + 1);
                } catch (IOException e) {
                    // the body stopped arriving (idle timeout) or the connection closed under it:
                    // an answer in the envelope and one access-log line, not a stack trace
                    ApiError error = (hasCause(e, TimeoutException.class)
                                    ? GatewayErrors.bodyTimeout(
                                            limits.idleTimeout().toSeconds())
                                    : GatewayErrors.bodyIncomplete())
                            .error();
                    refused(requestId, error);
                    return envelope(error, requestId, host, false);
                }
            }
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            boolean hasHost = false;
            for (HttpField f : request.getHeaders()) {
                headers.add(Map.entry(f.getName(), f.getValue()));
                hasHost |= f.getHeader() == HttpHeader.HOST;
            }
            if (!hasHost) {
                // HTTP/1.0 may leave Host out; the envelope's HostId is then the address called
                headers.add(Map.entry("Host", host));
            }
            ApiRequest decoded;
            try {
                decoded = decoder.decode(
                        request.getMethod(),
                        request.getHttpURI().getQuery(),
                        headers,
                        body,
                        Request.getRemoteAddr(request),
                        request.isSecure());
            } catch (RequestDecoder.DecodeException e) {
                refused(requestId, e.error().error());
                return envelope(e.error().error(), requestId, host, e.xml());
            } catch (ApiException e) {
                refused(requestId, e.error());
                return envelope(e.error(), requestId, host, false);
            }
            return pipeline.handle(decoded, requestId);
        }

        /** A request that never reached the pipeline: logged and counted without an action. */
        private void refused(String requestId, ApiError error) {
            AccessLog.record(requestId, null, null, error.httpStatus(), error.code(), 0);
            ops.requests().record(null, error.httpStatus(), error.code(), 0);
        }

        private static RenderedResponse envelope(ApiError error, String requestId, String host, boolean xml) {
            return ResponseRenderer.error(error, requestId, host, "swas-open", null, xml);
        }
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /** A host name, IPv4 or bracketed IPv6 address, with an optional port: what a Host header may hold. */
    private static final Pattern HOST =
            Pattern.compile("(?:[A-Za-z0-9._~-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\])(?::[0-9]{1,5})?");

    /**
     * The envelope's HostId: the Host the client called, or, when it sent none (HTTP/1.0) or
     * something that is not a host, the address and port it connected to; never empty.
     */
    static String hostId(Request request) {
        String header = request.getHeaders().get(HttpHeader.HOST);
        if (header != null && HOST.matcher(header).matches()) {
            return header;
        }
        String local = Request.getLocalAddr(request);
        if (local == null || local.isEmpty()) {
            return "localhost";
        }
        return (local.indexOf(':') >= 0 && !local.startsWith("[") ? "[" + local + "]" : local) + ":"
                + Request.getLocalPort(request);
    }

    private static void write(Response response, Callback callback, int status, String contentType, byte[] body) {
        write(response, callback, status, contentType, ByteBuffer.wrap(body));
    }

    /** The whole response: status, type, length, and the body (from its position to its limit) in one write. */
    private static void write(Response response, Callback callback, int status, String contentType, ByteBuffer body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.remaining());
        response.write(true, body, callback);
    }

    /** Completes the write's callback once the pooled buffer it wrote is released, whatever the outcome. */
    private record Releasing(RetainableByteBuffer buffer, Callback callback) implements Callback {
        @Override
        public void succeeded() {
            buffer.release();
            callback.succeeded();
        }

        @Override
        public void failed(Throwable x) {
            buffer.release();
            callback.failed(x);
        }

        @Override
        public InvocationType getInvocationType() {
            return callback.getInvocationType();
        }
    }

    /** Jetty's own refusals (bad request line, headers too large ...) in the service's envelope. */
    private static final class EnvelopeErrorHandler extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = response.getStatus() >= 400 ? response.getStatus() : 500;
            ApiError error = switch (status) {
                case 413, 414, 431 ->
                    new ApiError(
                            status, "RequestTooLarge", plain(request, "The request line or headers are too large."));
                case 505 -> GatewayErrors.unsupportedHttpVersion().error();
                case 503 -> GatewayErrors.serviceUnavailable().error();
                case 408 ->
                    GatewayErrors.bodyTimeout(request.getConnectionMetaData()
                                            .getConnector()
                                            .getIdleTimeout()
                                    / 1000)
                            .error();
                default ->
                    status >= 500
                            ? GatewayErrors.internalError().error()
                            : new ApiError(
                                    status,
                                    "InvalidRequest",
                                    plain(request, "The HTTP request was refused (status " + status + ")."));
            };
            RenderedResponse out =
                    ResponseRenderer.error(error, RequestIds.next(), hostId(request), "swas-open", null, false);
            HttpFrontend.write(response, callback, status, out.contentType(), out.body());
            return true;
        }

        /**
         * Jetty's reason for a refusal when it is a short plain phrase ("Bad Content-Length",
         * "Duplicate Host Header"); anything longer or naming Java types (an exception's text)
         * gives way to {@code fallback}, so no Java text reaches a client.
         */
        private static String plain(Request request, String fallback) {
            Object reason = request.getAttribute(ERROR_MESSAGE);
            String text = reason == null ? "" : reason.toString();
            return text.matches("[A-Za-z0-9 ,'/-]{1,80}") ? text + "." : fallback;
        }
    }
}
