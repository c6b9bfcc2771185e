package org.resumablesse.it;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;

/**
 * Test deployments only: the Servlet twin of {@link TestUserFilter}, for the Servlet front, which
 * reads the user from {@code HttpServletRequest.getUserPrincipal()}. Never part of the demo WAR.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class TestUserServletFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String name = request.getHeader(TestUserFilter.HEADER);
        if (name == null || name.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Principal user = () -> name;
        chain.doFilter(
                new HttpServletRequestWrapper(request) {
                    @Override
                    public Principal getUserPrincipal() {
                        return user;
                    }
                },
                response);
    }
}
