package org.resumablesse.spi;

import java.util.Objects;
import java.util.function.Function;
import org.resumablesse.Audience;

/**
 * An event as the store keeps it: its stream, its place in the global order, and what was
 * published.
 *
 * <p>Immutable apart from one memo slot, which lets the engine attach the encoded frame once so
 * every connection shares it. Thread-safe.
 */
public final class StoredEvent {

    private final String epoch;
    private final long sequence;
    private final Audience stream;
    private final String name;
    private final String data;
    private final long timeMillis;
    private volatile Object memo;

    /**
     * @param epoch the store epoch the sequence belongs to
     * @param sequence the global sequence, one or more
     * @param stream the stream the event was addressed to
     * @param name the event name
     * @param data the event data
     * @param timeMillis when it was published, epoch milliseconds
     */
    public StoredEvent(
            String epoch,
            long sequence,
            Audience stream,
            String name,
            String data,
            long timeMillis) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence < 1: " + sequence);
        }
        this.epoch = Objects.requireNonNull(epoch, "epoch");
        this.sequence = sequence;
        this.stream = Objects.requireNonNull(stream, "stream");
        this.name = Objects.requireNonNull(name, "name");
        this.data = Objects.requireNonNull(data, "data");
        this.timeMillis = timeMillis;
    }

    public String epoch() {
        return epoch;
    }

    public long sequence() {
        return sequence;
    }

    public Audience stream() {
        return stream;
    }

    public String name() {
        return name;
    }

    public String data() {
        return data;
    }

    public long timeMillis() {
        return timeMillis;
    }

    /**
     * Returns the value derived from this event by the converter, computing it on first use. One
     * converter per event: the engine uses it for the encoded frame.
     */
    @SuppressWarnings("unchecked")
    public <T> T memo(Function<StoredEvent, T> converter) {
        Object value = memo;
        if (value == null) {
            value = converter.apply(this);
            memo = value;
        }
        return (T) value;
    }

    /** Equal when every published part and the place in the order are; the memo does not count. */
    @Override
    public boolean equals(Object other) {
        return other instanceof StoredEvent that
                && sequence == that.sequence
                && timeMillis == that.timeMillis
                && epoch.equals(that.epoch)
                && stream.equals(that.stream)
                && name.equals(that.name)
                && data.equals(that.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(epoch, sequence, stream);
    }

    @Override
    public String toString() {
        return "StoredEvent[" + sequence + ", " + stream.kind() + ", " + name + "]";
    }
}
