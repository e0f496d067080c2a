package dev.swasd.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swasd.api.ecs.EcsApi;
import dev.swasd.api.ram.RamApi;
import dev.swasd.api.swasopen.SwasOpenApi;
import dev.swasd.errors.ApiException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The structural default every generated action method has: an action no module overrides answers
 * 400 {@code NotImplemented} naming the action (a 4xx, since clients retry a 5xx). Every catalog
 * action is implemented now, so no request over the wire reaches a default; this holds the
 * default itself, for the next action a catalog gains.
 */
class StructuralDefaultTest {
    @Test
    void everyGeneratedDefaultAnswersNotImplementedNamingItsAction() throws Exception {
        List<Object> bare = List.of(new SwasOpenApi() {}, new RamApi() {}, new EcsApi() {});
        int checked = 0;
        for (Object api : bare) {
            for (Method m : api.getClass().getInterfaces()[0].getDeclaredMethods()) {
                if (!m.isDefault() || Modifier.isStatic(m.getModifiers())) {
                    continue;
                }
                Throwable thrown = null;
                try {
                    m.invoke(api, new Object[m.getParameterCount()]);
                } catch (InvocationTargetException e) {
                    thrown = e.getCause();
                }
                assertThat(thrown).as(m.getName()).isInstanceOf(ApiException.class);
                ApiException e = (ApiException) thrown;
                assertThat(e.status()).as(m.getName()).isEqualTo(400);
                assertThat(e.code()).as(m.getName()).isEqualTo("NotImplemented");
                assertThat(e.getMessage().toLowerCase())
                        .as(m.getName())
                        .contains(m.getName().toLowerCase());
                checked++;
            }
        }
        assertThat(checked).as("generated action methods").isGreaterThan(130);
    }
}
