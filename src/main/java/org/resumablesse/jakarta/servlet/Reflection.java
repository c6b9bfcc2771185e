package org.resumablesse.jakarta.servlet;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;

/** Calls into a container's own classes, for what the Servlet API does not offer. */
final class Reflection {

    private Reflection() {}

    /** The container's own request under any application wrappers. */
    static ServletRequest unwrap(ServletRequest request) {
        ServletRequest unwrapped = request;
        while (unwrapped instanceof ServletRequestWrapper wrapper) {
            unwrapped = wrapper.getRequest();
        }
        return unwrapped;
    }

    /**
     * Calls a public no-argument method.
     *
     * @return its result, never null
     * @throws NoSuchMethodException if there is no such method or it returned null
     */
    static Object call(Object target, String method) throws ReflectiveOperationException {
        Object result = target.getClass().getMethod(method).invoke(target);
        if (result == null) {
            throw new NoSuchMethodException(method + " returned null");
        }
        return result;
    }
}
