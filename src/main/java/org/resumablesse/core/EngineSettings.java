package org.resumablesse.core;

import static org.resumablesse.ResumableSseConfig.BUFFER_SIZE;
import static org.resumablesse.ResumableSseConfig.BUFFER_TTL;
import static org.resumablesse.ResumableSseConfig.CLEANUP_INTERVAL;
import static org.resumablesse.ResumableSseConfig.HEARTBEAT_INTERVAL;
import static org.resumablesse.ResumableSseConfig.MAX_CONNECTIONS;
import static org.resumablesse.ResumableSseConfig.MAX_CONNECTIONS_PER_SESSION;
import static org.resumablesse.ResumableSseConfig.MAX_EVENT_SIZE;
import static org.resumablesse.ResumableSseConfig.MAX_NEW_SESSIONS_PER_ADDRESS;
import static org.resumablesse.ResumableSseConfig.MAX_PENDING_BYTES;
import static org.resumablesse.ResumableSseConfig.MAX_REPLAY_EVENTS;
import static org.resumablesse.ResumableSseConfig.MAX_RETAINED_BYTES;
import static org.resumablesse.ResumableSseConfig.MAX_SESSIONS;
import static org.resumablesse.ResumableSseConfig.MAX_STREAMS;
import static org.resumablesse.ResumableSseConfig.MAX_TOPICS_PER_CONNECTION;
import static org.resumablesse.ResumableSseConfig.NEW_SESSION_INTERVAL;
import static org.resumablesse.ResumableSseConfig.RETRY_BASE;
import static org.resumablesse.ResumableSseConfig.RETRY_JITTER;
import static org.resumablesse.ResumableSseConfig.WRITE_TIMEOUT;

import java.time.Duration;
import java.util.Objects;

/**
 * The engine's bounds and switches, checked once when built: a value out of range is refused with a
 * message that names its configuration key. Immutable and thread-safe; see {@code
 * docs/reference/configuration.md}.
 *
 * @param bufferSize events kept per stream
 * @param bufferTtl how long a session outlives its last connection
 * @param reconnectionEnabled false for plain live SSE: no sessions, no history, no replay
 * @param cleanupInterval how often expiry runs
 * @param heartbeatInterval how often every connection gets a comment
 * @param retryBase the reconnection delay sent to clients
 * @param retryJitter the most random time added to the delay
 * @param maxEventBytes the largest encoded event
 * @param maxSessions the most sessions held at once
 * @param maxConnectionsPerSession the most open connections of one session
 * @param maxTopicsPerConnection the most topics one connection follows
 * @param maxPendingBytes the most bytes one write to a connection takes: what a connection holds
 *     that is not yet on the wire (at least one frame, however large)
 * @param replayMarkers whether replayed JSON objects get {@code _replayed} and {@code
 *     _originalTime}
 * @param maxStreams the most topic, user and session streams kept
 * @param writeTimeout how long a write may make no progress
 * @param maxRetainedBytes what history may take in memory, all streams together
 * @param maxNewSessionsPerAddress the most sessions issued to one client address per {@code
 *     newSessionInterval}; 0 for no limit
 * @param newSessionInterval the window {@code maxNewSessionsPerAddress} counts over
 * @param maxConnections the most connections open at once on this node
 * @param maxReplayEvents the most events one reconnect replays; past it the client is told of a gap
 */
public record EngineSettings(
        int bufferSize,
        Duration bufferTtl,
        boolean reconnectionEnabled,
        Duration cleanupInterval,
        Duration heartbeatInterval,
        Duration retryBase,
        Duration retryJitter,
        int maxEventBytes,
        int maxSessions,
        int maxConnectionsPerSession,
        int maxTopicsPerConnection,
        int maxPendingBytes,
        boolean replayMarkers,
        int maxStreams,
        Duration writeTimeout,
        long maxRetainedBytes,
        int maxNewSessionsPerAddress,
        Duration newSessionInterval,
        int maxConnections,
        int maxReplayEvents) {

    /** The smallest max-event-size accepted: room for a name, an id and a little data. */
    public static final int MIN_EVENT_BYTES = 256;

    /**
     * @throws IllegalArgumentException naming the key of the first value out of range
     */
    public EngineSettings {
        atLeast(BUFFER_SIZE, bufferSize, 1, 10_000_000);
        positive(BUFFER_TTL, bufferTtl);
        positive(CLEANUP_INTERVAL, cleanupInterval);
        positive(HEARTBEAT_INTERVAL, heartbeatInterval);
        notNegative(RETRY_BASE, retryBase);
        notNegative(RETRY_JITTER, retryJitter);
        if (retryBase.plus(retryJitter).toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    RETRY_BASE + " plus " + RETRY_JITTER + " is too long");
        }
        atLeast(MAX_EVENT_SIZE, maxEventBytes, MIN_EVENT_BYTES, Integer.MAX_VALUE);
        atLeast(MAX_SESSIONS, maxSessions, 1, Integer.MAX_VALUE);
        atLeast(MAX_CONNECTIONS_PER_SESSION, maxConnectionsPerSession, 1, Integer.MAX_VALUE);
        atLeast(MAX_TOPICS_PER_CONNECTION, maxTopicsPerConnection, 0, 10_000);
        atLeast(MAX_PENDING_BYTES, maxPendingBytes, 1024, Integer.MAX_VALUE);
        atLeast(MAX_STREAMS, maxStreams, 1, Integer.MAX_VALUE);
        positive(WRITE_TIMEOUT, writeTimeout);
        atLeast(MAX_RETAINED_BYTES, maxRetainedBytes, 1 << 20, Long.MAX_VALUE);
        atLeast(MAX_NEW_SESSIONS_PER_ADDRESS, maxNewSessionsPerAddress, 0, Integer.MAX_VALUE);
        positive(NEW_SESSION_INTERVAL, newSessionInterval);
        atLeast(MAX_CONNECTIONS, maxConnections, 1, Integer.MAX_VALUE);
        atLeast(MAX_REPLAY_EVENTS, maxReplayEvents, 0, Integer.MAX_VALUE - 1);
    }

    /** The defaults, the seed's where it had one. */
    public static EngineSettings defaults() {
        return new EngineSettings(
                1000,
                Duration.ofSeconds(30),
                true,
                Duration.ofSeconds(10),
                Duration.ofSeconds(15),
                Duration.ofSeconds(3),
                Duration.ofSeconds(2),
                65_536,
                10_000,
                8,
                32,
                65_536,
                false,
                100_000,
                Duration.ofSeconds(10),
                64L << 20,
                100,
                Duration.ofMinutes(1),
                10_000,
                10_000);
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder(defaults());
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    private static void atLeast(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    key + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    private static void positive(String key, Duration value) {
        Objects.requireNonNull(value, key);
        if (value.toMillis() < 1) {
            throw new IllegalArgumentException(
                    key + " must be at least 1ms, got " + Durations.format(value));
        }
    }

    private static void notNegative(String key, Duration value) {
        Objects.requireNonNull(value, key);
        if (value.isNegative()) {
            throw new IllegalArgumentException(key + " must not be negative, got " + value);
        }
    }

    /** Builds settings one value at a time; {@link #build()} checks them. Not thread-safe. */
    public static final class Builder {
        private int bufferSize;
        private Duration bufferTtl;
        private boolean reconnectionEnabled;
        private Duration cleanupInterval;
        private Duration heartbeatInterval;
        private Duration retryBase;
        private Duration retryJitter;
        private int maxEventBytes;
        private int maxSessions;
        private int maxConnectionsPerSession;
        private int maxTopicsPerConnection;
        private int maxPendingBytes;
        private boolean replayMarkers;
        private int maxStreams;
        private Duration writeTimeout;
        private long maxRetainedBytes;
        private int maxNewSessionsPerAddress;
        private Duration newSessionInterval;
        private int maxConnections;
        private int maxReplayEvents;

        private Builder(EngineSettings from) {
            bufferSize = from.bufferSize;
            bufferTtl = from.bufferTtl;
            reconnectionEnabled = from.reconnectionEnabled;
            cleanupInterval = from.cleanupInterval;
            heartbeatInterval = from.heartbeatInterval;
            retryBase = from.retryBase;
            retryJitter = from.retryJitter;
            maxEventBytes = from.maxEventBytes;
            maxSessions = from.maxSessions;
            maxConnectionsPerSession = from.maxConnectionsPerSession;
            maxTopicsPerConnection = from.maxTopicsPerConnection;
            maxPendingBytes = from.maxPendingBytes;
            replayMarkers = from.replayMarkers;
            maxStreams = from.maxStreams;
            writeTimeout = from.writeTimeout;
            maxRetainedBytes = from.maxRetainedBytes;
            maxNewSessionsPerAddress = from.maxNewSessionsPerAddress;
            newSessionInterval = from.newSessionInterval;
            maxConnections = from.maxConnections;
            maxReplayEvents = from.maxReplayEvents;
        }

        public Builder bufferSize(int value) {
            bufferSize = value;
            return this;
        }

        public Builder bufferTtl(Duration value) {
            bufferTtl = value;
            return this;
        }

        public Builder reconnectionEnabled(boolean value) {
            reconnectionEnabled = value;
            return this;
        }

        public Builder cleanupInterval(Duration value) {
            cleanupInterval = value;
            return this;
        }

        public Builder heartbeatInterval(Duration value) {
            heartbeatInterval = value;
            return this;
        }

        public Builder retryBase(Duration value) {
            retryBase = value;
            return this;
        }

        public Builder retryJitter(Duration value) {
            retryJitter = value;
            return this;
        }

        public Builder maxEventBytes(int value) {
            maxEventBytes = value;
            return this;
        }

        public Builder maxSessions(int value) {
            maxSessions = value;
            return this;
        }

        public Builder maxConnectionsPerSession(int value) {
            maxConnectionsPerSession = value;
            return this;
        }

        public Builder maxTopicsPerConnection(int value) {
            maxTopicsPerConnection = value;
            return this;
        }

        public Builder maxPendingBytes(int value) {
            maxPendingBytes = value;
            return this;
        }

        public Builder replayMarkers(boolean value) {
            replayMarkers = value;
            return this;
        }

        public Builder maxStreams(int value) {
            maxStreams = value;
            return this;
        }

        public Builder writeTimeout(Duration value) {
            writeTimeout = value;
            return this;
        }

        public Builder maxRetainedBytes(long value) {
            maxRetainedBytes = value;
            return this;
        }

        public Builder maxNewSessionsPerAddress(int value) {
            maxNewSessionsPerAddress = value;
            return this;
        }

        public Builder newSessionInterval(Duration value) {
            newSessionInterval = value;
            return this;
        }

        public Builder maxConnections(int value) {
            maxConnections = value;
            return this;
        }

        public Builder maxReplayEvents(int value) {
            maxReplayEvents = value;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the key of the first value out of range
         */
        public EngineSettings build() {
            return new EngineSettings(
                    bufferSize,
                    bufferTtl,
                    reconnectionEnabled,
                    cleanupInterval,
                    heartbeatInterval,
                    retryBase,
                    retryJitter,
                    maxEventBytes,
                    maxSessions,
                    maxConnectionsPerSession,
                    maxTopicsPerConnection,
                    maxPendingBytes,
                    replayMarkers,
                    maxStreams,
                    writeTimeout,
                    maxRetainedBytes,
                    maxNewSessionsPerAddress,
                    newSessionInterval,
                    maxConnections,
                    maxReplayEvents);
        }
    }
}
