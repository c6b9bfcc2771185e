package org.resumablesse.jakarta.servlet;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import org.resumablesse.jakarta.StreamRequest;

/** A Servlet request seen as a {@link StreamRequest}. Used on the request's own thread. */
final class ServletStreamRequest implements StreamRequest {

    private final HttpServletRequest request;

    ServletStreamRequest(HttpServletRequest request) {
        this.request = request;
    }

    @Override
    public String cookie(String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (cookie.getName().equals(name)) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    @Override
    public String header(String name) {
        return request.getHeader(name);
    }

    @Override
    public String query(String name) {
        return request.getParameter(name);
    }

    @Override
    public List<String> queryValues(String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? List.of() : List.of(values);
    }

    @Override
    public String user() {
        Principal user = request.getUserPrincipal();
        return user == null ? null : user.getName();
    }

    @Override
    public String rawPath() {
        return request.getRequestURI();
    }

    @Override
    public boolean secure() {
        return request.isSecure();
    }

    @Override
    public String remoteAddress() {
        return request.getRemoteAddr();
    }
}
