package org.resumablesse.jakarta;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A stream request with the headers, user, address and scheme a test gives it; no query. */
final class FakeStreamRequest implements StreamRequest {

    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private String user;
    private String address;
    private boolean secure;

    FakeStreamRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    FakeStreamRequest user(String name) {
        this.user = name;
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
        return null;
    }

    @Override
    public List<String> queryValues(String name) {
        return List.of();
    }

    @Override
    public String user() {
        return user;
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
