package org.resumablesse.redis;

import org.resumablesse.spi.EventStore.AppendListener;
import org.resumablesse.spi.StoredEvent;

/**
 * What the feed follower tells: the store's listener, behind a note of every sequence the feed
 * brings ({@link HighestSeen}); when events may have been missed, the node's {@link RecentEvents}
 * are forgotten before the listener hears of it. Thread-safe if the listener is.
 */
final class FeedListener implements AppendListener {

    private final AppendListener target;
    private final HighestSeen seen;
    private final RecentEvents recent;

    FeedListener(AppendListener target, HighestSeen seen, RecentEvents recent) {
        this.target = target;
        this.seen = seen;
        this.recent = recent;
    }

    @Override
    public void appended(StoredEvent event) {
        seen.saw(event.epoch(), event.sequence());
        target.appended(event);
    }

    @Override
    public void missed() {
        recent.clear();
        target.missed();
    }
}
