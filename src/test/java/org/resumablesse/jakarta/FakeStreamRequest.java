package org.resumablesse.jakarta;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A stream request built by a test: headers, topics and a principal. Not thread-safe. */
final class FakeStreamRequest implements StreamRequest {

    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<String> topics = new ArrayList<>();
    private Principal principal;

    FakeStreamRequest header(String name, String value) {
        headers.put(name.toLowerCase(Locale.ROOT), value);
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

    @Override
    public String cookie(String name) {
        return null;
    }

    @Override
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
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
        return false;
    }
}
