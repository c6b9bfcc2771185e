package org.resumablesse.jakarta;

import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Tells whether the current thread is bound to a JTA transaction, through the container's {@code
 * TransactionSynchronizationRegistry}. Where no transaction manager can be found (none in the
 * server, or its API missing), every thread counts as outside a transaction, so the module still
 * deploys. Thread-safe and immutable once looked up.
 */
final class TransactionState {

    private static final String REGISTRY = "java:comp/TransactionSynchronizationRegistry";

    /** The registry, or null when the server has none. */
    private final Object registry;

    private TransactionState(Object registry) {
        this.registry = registry;
    }

    /**
     * Looks the registry up; call it on a thread with the application's naming context (at
     * deployment or in a request), not inside a transaction's completion.
     */
    static TransactionState lookUp() {
        try {
            return new TransactionState(InitialContext.doLookup(REGISTRY));
        } catch (NamingException | LinkageError | ClassCastException e) {
            return new TransactionState(null);
        }
    }

    /**
     * True when the thread's transaction is active or completing: where CDI defers transactional
     * observers to the transaction's completion (Weld's test, status other than none, committed and
     * rolled back). False outside a transaction, where CDI notifies them at once. Not meaningful
     * inside a completion callback: the servers differ there.
     */
    boolean active() {
        if (registry == null) {
            return false;
        }
        int status = ((TransactionSynchronizationRegistry) registry).getTransactionStatus();
        return status != Status.STATUS_NO_TRANSACTION
                && status != Status.STATUS_COMMITTED
                && status != Status.STATUS_ROLLEDBACK;
    }
}
