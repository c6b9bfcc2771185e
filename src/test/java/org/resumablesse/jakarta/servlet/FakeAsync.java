package org.resumablesse.jakarta.servlet;

import jakarta.servlet.AsyncContext;
import java.lang.reflect.Proxy;

/** An {@link AsyncContext} that does nothing but report {@code complete()}. */
final class FakeAsync {

    private FakeAsync() {}

    static AsyncContext onComplete(Runnable completed) {
        return (AsyncContext)
                Proxy.newProxyInstance(
                        FakeAsync.class.getClassLoader(),
                        new Class<?>[] {AsyncContext.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("complete")) {
                                completed.run();
                            }
                            return null;
                        });
    }
}
