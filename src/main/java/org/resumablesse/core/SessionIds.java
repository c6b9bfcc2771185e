package org.resumablesse.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Makes and checks the two names of a session: the secret resume token (256 random bits) and the
 * public session id (128 random bits), both unpadded base64url, and hashes tokens so that only the
 * hash is ever stored or compared. Both come from a CSPRNG and carry no meaning.
 *
 * <p>Thread-safe ({@link SecureRandom} is).
 */
public final class SessionIds {

    static final int TOKEN_BYTES = 32;
    static final int ID_BYTES = 16;
    private static final int TOKEN_LENGTH = 43;
    private static final int ID_LENGTH = 22;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random;

    public SessionIds(SecureRandom random) {
        this.random = random;
    }

    /** A new secret resume token. */
    public String newToken() {
        return randomText(TOKEN_BYTES);
    }

    /** A new public session id. */
    public String newSessionId() {
        return randomText(ID_BYTES);
    }

    /** A random 64-bit epoch as 16 lowercase hex digits. */
    public static String newEpoch(SecureRandom random) {
        return String.format("%016x", random.nextLong());
    }

    /**
     * True when the text has the shape of a token this module issues; says nothing of whether it is
     * known.
     */
    public static boolean isWellFormedToken(String token) {
        return isBase64Url(token, TOKEN_LENGTH);
    }

    /** True when the text has the shape of a public session id. */
    public static boolean isWellFormed(String sessionId) {
        return isBase64Url(sessionId, ID_LENGTH);
    }

    /** The SHA-256 of a token, base64url: the only form in which a token is kept. */
    public static String hash(String token) {
        return sha256(token);
    }

    /**
     * The key a session is stored under: the hash of its token together with the hashes of the
     * principal and the client binding it belongs to, so the same token under another principal or
     * from another client finds nothing, and neither the principal nor what is bound is stored. An
     * anonymous session with nothing bound is keyed by {@link #hash(String)} alone.
     *
     * @param user the principal's name, or null when anonymous
     * @param binding what the session is bound to (user agent, address), empty for nothing
     */
    public static String hash(String token, String user, String binding) {
        String principal = user == null ? "" : user;
        if (principal.isEmpty() && binding.isEmpty()) {
            return hash(token);
        }
        // Fixed-length hashes without '|' keep the parts apart whatever they contain.
        return sha256(token + '|' + sha256(binding) + '|' + sha256(principal));
    }

    private static String sha256(String text) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private String randomText(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return ENCODER.encodeToString(buffer);
    }

    private static boolean isBase64Url(String text, int length) {
        if (text == null || text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean ok =
                    (c >= 'a' && c <= 'z')
                            || (c >= 'A' && c <= 'Z')
                            || (c >= '0' && c <= '9')
                            || c == '-'
                            || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
