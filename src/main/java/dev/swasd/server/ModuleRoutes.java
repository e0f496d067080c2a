package dev.swasd.server;

import dev.swasd.api.Call;
import dev.swasd.api.Reusable;
import dev.swasd.api.Route;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers the actions resource modules implement: for each route of a product's generated
 * interface, the one module that overrides its method handles it. An action no module overrides is
 * left out, so the pipeline answers it with the structural default; two modules overriding the same
 * method is a start-up error.
 */
final class ModuleRoutes {
    private ModuleRoutes() {}

    static <A> List<String> bind(
            ActionRegistry registry, String product, Class<A> api, List<Route<A>> routes, List<?> modules) {
        List<String> bound = new ArrayList<>();
        for (Route<A> route : routes) {
            A owner = null;
            Method implementation = null;
            for (Object module : modules) {
                if (!api.isInstance(module)) {
                    continue;
                }
                Method m = method(module, route);
                if (m.getDeclaringClass() == api) {
                    continue;
                }
                if (owner != null) {
                    throw new IllegalStateException(product + " " + route.action() + " is implemented by both "
                            + owner.getClass().getName() + " and "
                            + module.getClass().getName());
                }
                owner = api.cast(module);
                implementation = m;
            }
            if (owner == null) {
                continue;
            }
            A module = owner;
            Route.Invoker<A> invoker = route.invoker();
            if (implementation.isAnnotationPresent(Reusable.class)) {
                registry.addReusable(product, route.action(), (ctx, p, tx) -> {
                    Call call = ctx.call(tx);
                    return new ReusableRead.Result(
                            invoker.invoke(module, call, p).toJson(), call.validUntil());
                });
            } else {
                registry.add(
                        product,
                        route.action(),
                        (ctx, p, tx) -> invoker.invoke(module, ctx.call(tx), p).toJson());
            }
            registry.owner(product, route.action(), module.getClass().getName());
            bound.add(route.action());
        }
        return bound;
    }

    private static Method method(Object module, Route<?> route) {
        try {
            return module.getClass().getMethod(route.method(), Call.class, route.requestType());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(
                    "the generated route " + route.action() + " names no method " + route.method(), e);
        }
    }
}
