package org.resumablesse.demo;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Reads an {@code application/x-www-form-urlencoded} body as UTF-8, whatever charset the request
 * names or omits: browsers and command-line tools send UTF-8 without saying so, and some JAX-RS
 * runtimes would then decode it as ISO-8859-1.
 */
final class FormBody {

    private FormBody() {}

    static MultivaluedMap<String, String> parse(byte[] body) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return form;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            form.add(decode(key), decode(value));
        }
        return form;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // A malformed escape is kept as sent rather than failing the whole form.
            return text;
        }
    }
}
