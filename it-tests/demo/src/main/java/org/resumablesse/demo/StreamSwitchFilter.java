package org.resumablesse.demo;

import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Applies {@link StreamSwitches} in front of the demo's two stream paths: refuses a stream with 503
 * during an outage, and keeps each admitted stream's async context so that it can be ended from
 * outside.
 */
@WebFilter(
        urlPatterns = {"/api/events", "/sse/events"},
        asyncSupported = true)
public class StreamSwitchFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject transient StreamSwitches switches;

    @Override
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (switches.inOutage()) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "1");
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().println("demo outage");
            return;
        }
        chain.doFilter(request, response);
        if (request.isAsyncStarted()) {
            track(request.getAsyncContext());
        }
    }

    private void track(AsyncContext stream) {
        switches.opened(stream);
        stream.addListener(
                new AsyncListener() {
                    @Override
                    public void onComplete(AsyncEvent event) {
                        switches.ended(stream);
                    }

                    @Override
                    public void onTimeout(AsyncEvent event) {
                        switches.ended(stream);
                    }

                    @Override
                    public void onError(AsyncEvent event) {
                        switches.ended(stream);
                    }

                    @Override
                    public void onStartAsync(AsyncEvent event) {
                        // the same stream, still tracked
                    }
                });
    }
}
