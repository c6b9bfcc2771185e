package org.resumablesse.jakarta.servlet;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.concurrent.Executor;
import org.resumablesse.core.ConnectionRefusedException;
import org.resumablesse.core.GzipFrames;
import org.resumablesse.core.SseEngine;
import org.resumablesse.jakarta.CorsPolicy;
import org.resumablesse.jakarta.SseSessionManager;
import org.resumablesse.jakarta.StreamAdmission;
import org.resumablesse.jakarta.TransportSettings;

/**
 * {@code GET /sse/events} over Servlet non-blocking I/O: the same protocol as the JAX-RS stream
 * (admitted by the same {@link StreamAdmission}), written by a {@link ServletTransport} with no
 * thread held per connection. Registered by {@link ServletFront}.
 *
 * <p>Thread-safe; the container owns its lifecycle.
 */
public final class EventStreamServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient TransportSettings settings;
    private transient volatile SseSessionManager manager;

    EventStreamServlet(TransportSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        SseSessionManager manager = manager();
        corsHeaders(manager, request, response);
        StreamAdmission.Outcome outcome =
                StreamAdmission.admit(
                        manager.engine(),
                        manager.endpoint(),
                        manager.access(),
                        new ServletStreamRequest(request));
        if (outcome instanceof StreamAdmission.Refused refused) {
            refuse(response, refused);
            return;
        }
        StreamAdmission.Admitted admitted = (StreamAdmission.Admitted) outcome;
        SseEngine engine = manager.engine();
        GrizzlyConnection grizzly = GrizzlyConnection.of(request);
        AsyncContext async;
        ServletTransport transport;
        try {
            streamHeaders(response);
            if (admitted.setCookie() != null) {
                response.addHeader("Set-Cookie", admitted.setCookie());
            }
            async = request.startAsync();
            async.setTimeout(0);
            transport = transport(request, response, async, grizzly, manager.blockingWrites());
        } catch (IOException | RuntimeException e) {
            engine.cancel(admitted.admission());
            throw e;
        }
        SseEngine.Opened opened;
        try {
            opened = engine.open(admitted.admission(), transport);
        } catch (ConnectionRefusedException e) {
            response.reset();
            corsHeaders(manager, request, response);
            refuse(response, StreamAdmission.refusal(e));
            async.complete();
            return;
        }
        ClientWatch watch =
                new ClientWatch(opened.connection(), transport, request.getInputStream());
        async.addListener(watch);
        request.getInputStream().setReadListener(watch);
        if (grizzly != null) {
            transport.whenClosed(grizzly.onClose(watch::gone));
            transport.abortWith(grizzly::terminate);
        }
        LibertyConnection liberty = LibertyConnection.of(request);
        if (liberty != null) {
            transport.abortWith(liberty::terminate);
        }
        transport.listen(watch::gone);
    }

    /**
     * A CORS preflight's answer ({@link CorsPolicy#preflight}); any other {@code OPTIONS} is the
     * servlet's usual answer.
     */
    @Override
    protected void doOptions(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        CorsPolicy.Preflight preflight =
                manager()
                        .access()
                        .cors()
                        .preflight(
                                request.getHeader("Origin"),
                                request.getHeader("Access-Control-Request-Method"));
        if (preflight == null) {
            super.doOptions(request, response);
            return;
        }
        response.setStatus(preflight.status());
        preflight.headers().forEach(response::setHeader);
    }

    /** With CORS on: {@code Vary: Origin}, and the allow headers for a listed origin. */
    private static void corsHeaders(
            SseSessionManager manager, HttpServletRequest request, HttpServletResponse response) {
        manager.access()
                .cors()
                .responseHeaders(request.getHeader("Origin"))
                .forEach(
                        (name, value) -> {
                            if (name.equals("Vary")) {
                                response.addHeader(name, value);
                            } else {
                                response.setHeader(name, value);
                            }
                        });
    }

    /** The stream's headers without a stream: no session is admitted for a HEAD. */
    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) {
        streamHeaders(response);
    }

    private static void streamHeaders(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(StreamAdmission.CONTENT_TYPE);
        StreamAdmission.STREAM_HEADERS.forEach(response::setHeader);
    }

    /**
     * Sets the container's buffering up for non-blocking SSE, before anything is written: a bound
     * on Grizzly's write queue, or (where flush blocks) no response buffer at all.
     */
    private ServletTransport transport(
            HttpServletRequest request,
            HttpServletResponse response,
            AsyncContext async,
            GrizzlyConnection grizzly,
            Executor writes)
            throws IOException {
        ServletOutputStream out = response.getOutputStream();
        boolean flushBlocks = out.getClass().getName().startsWith("com.ibm.ws.");
        if (flushBlocks) {
            response.setBufferSize(0);
        } else if (grizzly != null) {
            grizzly.limitWriteQueue(settings.maxBufferedBytes());
        }
        // OpenLiberty's write also blocks once the client stops reading (measured: the engine's
        // thread sat in HttpServiceContextImpl.synchWrite), so there writes run on threads of
        // their own, and a stalled one is ended by dropping its connection.
        GzipFrames gzip = null;
        if (settings.gzip() && acceptsGzip(request)) {
            response.setHeader("Content-Encoding", "gzip");
            response.addHeader("Vary", "Accept-Encoding");
            gzip = new GzipFrames();
        }
        return new ServletTransport(async, out, !flushBlocks, flushBlocks ? writes : null, gzip);
    }

    /** Whether the client takes gzip: listed in Accept-Encoding and not with q=0. */
    static boolean acceptsGzip(HttpServletRequest request) {
        for (String header : Collections.list(request.getHeaders("Accept-Encoding"))) {
            for (String coding : header.split(",")) {
                String[] parts = coding.trim().split(";");
                if (parts[0].trim().equalsIgnoreCase("gzip") && !refused(parts)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean refused(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].trim().replace(" ", "");
            if (parameter.matches("(?i)q=0(\\.0{0,3})?")) {
                return true;
            }
        }
        return false;
    }

    private static void refuse(HttpServletResponse response, StreamAdmission.Refused refused)
            throws IOException {
        response.setStatus(refused.httpStatus());
        if (refused.retryAfter() != null) {
            response.setHeader("Retry-After", refused.retryAfter());
        }
        if (refused.inBand()) {
            StreamAdmission.STREAM_HEADERS.forEach(response::setHeader);
        }
        response.setContentType(refused.contentType());
        response.getWriter().write(refused.body());
    }

    private SseSessionManager manager() {
        SseSessionManager found = manager;
        if (found == null) {
            found = CDI.current().select(SseSessionManager.class).get();
            manager = found;
        }
        return found;
    }
}
