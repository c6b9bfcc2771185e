package org.resumablesse.jakarta;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stream request built by a test: headers (a {@code Cookie} header holds one cookie), topics, a
 * principal, the client's address and the scheme. Not thread-safe.
 */
final class FakeStreamRequest implements StreamRequest {

    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final List<String> topics = new ArrayList<>();
    private Principal principal;
    private String address;
    private boolean secure;

    FakeStreamRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    FakeStreamRequest topics(String... names) {
        topics.addAll(List.of(names));
        return this;
    }

    FakeStreamRequest user(String name) {
        principal = () -> name;
        return this;
    }

    FakeStreamRequest address(String remote) {
        this.address = remote;
        return this;
    }

    FakeStreamRequest secure(boolean overHttps) {
        this.secure = overHttps;
        return this;
    }

    @Override
    public String cookie(String name) {
        String cookie = headers.get("Cookie");
        String prefix = name + "=";
        return cookie != null && cookie.startsWith(prefix)
                ? cookie.substring(prefix.length())
                : null;
    }

    @Override
    public String header(String name) {
        return headers.get(name);
    }

    @Override
    public String query(String name) {
        List<String> values = queryValues(name);
        return values.isEmpty() ? null : values.get(0);
    }

    @Override
    public List<String> queryValues(String name) {
        return name.equals("topic") ? List.copyOf(topics) : List.of();
    }

    @Override
    public String user() {
        return principal == null ? null : principal.getName();
    }

    @Override
    public Principal principal() {
        return principal;
    }

    @Override
    public String rawPath() {
        return "/app/sse/events";
    }

    @Override
    public boolean secure() {
        return secure;
    }

    @Override
    public String remoteAddress() {
        return address;
    }
}
