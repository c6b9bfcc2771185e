package org.resumablesse.jakarta;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/** A MicroProfile Config holding only the given values (the readers only ask for optional ones). */
final class TestConfig {

    private TestConfig() {}

    static Config of(Map<String, String> values) {
        return (Config)
                Proxy.newProxyInstance(
                        TestConfig.class.getClassLoader(),
                        new Class<?>[] {Config.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("getOptionalValue")) {
                                return Optional.ofNullable(values.get((String) args[0]));
                            }
                            throw new UnsupportedOperationException(method.getName());
                        });
    }
}
