package dev.swasd.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swasd.api.ram.RamRoutes;
import dev.swasd.catalog.Catalog;
import dev.swasd.catalog.OperationDef;
import dev.swasd.catalog.Product;
import dev.swasd.errors.ApiError;
import dev.swasd.errors.ApiException;
import dev.swasd.errors.GatewayErrors;
import dev.swasd.protocol.ApiRequest;
import dev.swasd.protocol.Authenticator;
import dev.swasd.protocol.ParameterValidator;
import dev.swasd.protocol.Principal;
import dev.swasd.protocol.RegionDefaults;
import dev.swasd.protocol.RenderedResponse;
import dev.swasd.protocol.ResponseRenderer;
import dev.swasd.protocol.ResponseTemplate;
import dev.swasd.protocol.ValidatedParams;
import dev.swasd.store.Outage;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline of design.md after decoding: authenticate, resolve, validate, authorize,
 * execute, render. Every outcome, good or bad, leaves as a rendered response and one access-log
 * line; no exception reaches the HTTP layer.
 */
public final class ApiPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(ApiPipeline.class);

    private final Authenticator authenticator;
    private final Catalog catalog;
    private final ActionRegistry actions;
    private final ActionExecutor executor;
    private final Clock clock;
    private final Authorization authorization;
    private final IdentityChanges identityChanges;
    private final RequestMetrics metrics;
    private final String defaultRegion;
    /** Faults injected through the control API; null when it is off. */
    private volatile Faults faults;
    /** Where every call is recorded for ListRequestLogs; null when the request log is off. */
    private RequestLogWriter requestLog;

    /** Without RAM users: only the root identity is allowed. */
    ApiPipeline(
            Authenticator authenticator,
            Catalog catalog,
            ActionRegistry actions,
            ActionExecutor executor,
            Clock clock) {
        this(
                authenticator,
                catalog,
                actions,
                executor,
                clock,
                Authorization.rootOnly(),
                null,
                RequestMetrics.disabled(),
                ServerConfig.DEFAULT_REGION);
    }

    /** @param identityChanges told of this node's RAM writes, so that they govern it at once; null without RAM */
    ApiPipeline(
            Authenticator authenticator,
            Catalog catalog,
            ActionRegistry actions,
            ActionExecutor executor,
            Clock clock,
            Authorization authorization,
            IdentityChanges identityChanges,
            RequestMetrics metrics,
            String defaultRegion) {
        this.defaultRegion = defaultRegion;
        this.authenticator = authenticator;
        this.catalog = catalog;
        this.actions = actions;
        this.executor = executor;
        this.clock = clock;
        this.authorization = authorization;
        this.identityChanges = identityChanges;
        this.metrics = metrics;
    }

    /** Lets the control API's faults answer this pipeline's requests (see Faults). */
    void injectFaults(Faults faults) {
        this.faults = faults;
    }

    /** Records this pipeline's calls in the request log (before the node serves). */
    void logRequests(RequestLogWriter writer) {
        this.requestLog = writer;
    }

    public RenderedResponse handle(ApiRequest request, String requestId) {
        long started = System.nanoTime();
        RequestLogWriter log = requestLog;
        long receivedAt = log == null ? 0 : clock.millis();
        String action = actionName(request);
        Principal principal = null;
        String product = null;
        RenderedResponse response = null;
        ApiError failure = null;
        ObjectNode deniedDetail = null;
        try {
            Authenticator.Pending authenticated = authenticator.begin(request);
            principal = authenticated.principal();
            try {
                OperationDef op = resolve(request, action);
                product = op.product();
                Faults injected = faults;
                if (injected != null) {
                    injected.apply(op.action());
                }
                ValidatedParams params = ParameterValidator.validate(
                        op, RegionDefaults.apply(op, request.params(), request.host(), defaultRegion));
                actions.checkParameters(op, params);
                long now = clock.millis();
                authorization.authorize(principal, op, params, request, now);
                ActionHandler handler = actions.find(op.product(), op.action())
                        .orElseThrow(() -> GatewayErrors.notImplemented(op.product(), op.version(), op.action()));
                CallContext context = new CallContext(requestId, principal, op, request, now, started);
                Optional<ReusableRead> reusable =
                        executor.keepsReads() ? actions.reusable(op.product(), op.action()) : Optional.empty();
                if (reusable.isPresent()) {
                    // a read changes nothing, so it runs while the nonce is decided, and waits only to answer
                    ResponseTemplate kept = executor.reuse(context, params, reusable.get());
                    authenticated.confirm();
                    response = kept.render(requestId);
                } else if (ActionExecutor.isRead(op)) {
                    ObjectNode body = execute(context, params, handler, principal);
                    authenticated.confirm();
                    response = ResponseRenderer.success(op.action(), requestId, body, request.xml());
                } else {
                    // a write waits for its nonce before it does anything
                    authenticated.confirm();
                    response = ResponseRenderer.success(
                            op.action(), requestId, execute(context, params, handler, principal), request.xml());
                }
            } catch (RuntimeException e) {
                // a nonce another request spent is the answer, whatever this request came to meanwhile
                authenticated.confirm();
                throw e;
            }
        } catch (ApiException e) {
            failure = e.error();
        } catch (AccessDenied e) {
            failure = e.error();
            deniedDetail = e.detail();
        } catch (RuntimeException e) {
            String outage = Outage.reason(e);
            if (outage != null) {
                // the database is down or full: a temporary failure, one line in the log
                LOG.warn("request_id={} action={} unavailable: {}", requestId, AccessLog.field(action), outage);
                failure = GatewayErrors.serviceUnavailable().error();
            } else {
                // a bug: the client sees only InternalError and the RequestId, the log keeps the
                // cause under the same RequestId
                LOG.error("request_id={} action={} failed", requestId, AccessLog.field(action), e);
                failure = GatewayErrors.internalError().error();
            }
        }
        if (failure != null) {
            response = ResponseRenderer.error(
                    failure,
                    requestId,
                    request.host(),
                    product == null ? "swas-open" : product,
                    deniedDetail,
                    request.xml());
        }
        long nanos = System.nanoTime() - started;
        String code = failure == null ? null : failure.code();
        AccessLog.record(
                requestId, action, principal == null ? null : principal.displayName(), response.status(), code, nanos);
        metrics.record(action, response.status(), code, nanos);
        if (log != null) {
            record(log, request, requestId, receivedAt, action, product, principal, response.status(), failure, nanos);
        }
        return response;
    }

    /**
     * Queues the call for the request log under its signer's account: the authenticated principal,
     * else (a refused signature, an expired timestamp ...) the owner of the AccessKey it names. A
     * call that names no known key belongs to no account and is not kept.
     */
    private void record(
            RequestLogWriter log,
            ApiRequest request,
            String requestId,
            long receivedAt,
            String action,
            String product,
            Principal principal,
            int status,
            ApiError failure,
            long nanos) {
        try {
            Principal owner = principal != null
                    ? principal
                    : authenticator.namedSigner(request).orElse(null);
            if (owner == null) {
                return;
            }
            String version = versionName(request);
            String productCode = product != null
                    ? product
                    : (version == null
                            ? "swas-open"
                            : catalog.productForVersion(version)
                                    .map(Product::code)
                                    .orElse("swas-open"));
            log.record(new RequestLogEntries.Call(
                    requestId,
                    receivedAt,
                    productCode,
                    action,
                    version,
                    owner,
                    request.sourceIp(),
                    request.params(),
                    status,
                    failure == null ? null : failure.code(),
                    failure == null ? null : failure.message(),
                    nanos));
        } catch (RuntimeException e) {
            // the log never fails a request: a key look-up that failed only loses this entry
            LOG.debug("request_id={} not logged: {}", requestId, e.getMessage());
        }
    }

    private ObjectNode execute(
            CallContext context, ValidatedParams params, ActionHandler handler, Principal principal) {
        OperationDef op = context.operation();
        try {
            return executor.execute(context, params, handler);
        } finally {
            if (identityChanges != null && op.product().equals(RamRoutes.PRODUCT) && !ActionExecutor.isRead(op)) {
                // this node's own identity changes govern its next request, not one bound later
                identityChanges.changed(principal.accountId());
            }
        }
    }

    private OperationDef resolve(ApiRequest request, String action) {
        String version = versionName(request);
        if (version == null || version.isEmpty()) {
            throw GatewayErrors.missingParameter("Version");
        }
        Product product = catalog.productForVersion(version).orElseThrow(GatewayErrors::invalidVersion);
        if (action == null || action.isEmpty()) {
            throw GatewayErrors.missingParameter("Action");
        }
        OperationDef op = product.operation(action);
        if (op == null) {
            throw GatewayErrors.actionNotFound();
        }
        return op;
    }

    /** V3 names the action in a signed header; V1 (and sdk-core's V3) in the Action parameter. */
    private static String actionName(ApiRequest request) {
        String header = request.header("x-acs-action");
        return request.header("authorization") != null && header != null ? header : request.param("Action");
    }

    private static String versionName(ApiRequest request) {
        String header = request.header("x-acs-version");
        return request.header("authorization") != null && header != null ? header : request.param("Version");
    }
}
