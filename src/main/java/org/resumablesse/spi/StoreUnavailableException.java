package org.resumablesse.spi;

/**
 * Thrown by a store that cannot reach where it keeps its data (a shared store's server is down or
 * too slow). Nothing was changed. The engine turns it into a refused publish ({@code
 * STORE_UNAVAILABLE}) or a refused connection (503), and retries what it must not lose.
 */
public class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
