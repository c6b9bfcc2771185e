package org.resumablesse.it;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * What a test published to one topic through the demo's publish endpoint, each event named by its
 * data: every try in order, those the node confirmed ({@code 202}), how many it refused with {@code
 * 503}, and any other answer (which a test fails on). A try refused after a timeout may still have
 * been stored, so every try has data of its own. Thread-safe.
 */
final class Publications {

    private final String topic;
    private final List<String> attempted = new CopyOnWriteArrayList<>();
    private final Set<String> confirmed = ConcurrentHashMap.newKeySet();
    private final List<String> otherAnswers = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile String lastConfirmed;

    Publications(String topic) {
        this.topic = topic;
    }

    /**
     * Publishes one event with this data and records the answer.
     *
     * @return its id when stored, else null
     */
    String publish(DemoClient node, String key) {
        attempted.add(key);
        try {
            Map<String, String> form = DemoClient.form("e", key);
            form.put("topic", topic);
            DemoClient.Answer answer = node.publish(form);
            if (answer.status() == 202) {
                confirmed.add(key);
                lastConfirmed = key;
                return answer.json().getString("id");
            }
            if (answer.status() == 503) {
                refused.incrementAndGet();
            } else {
                otherAnswers.add(key + ": " + answer);
            }
        } catch (RuntimeException | AssertionError e) {
            otherAnswers.add(key + ": " + e);
        }
        return null;
    }

    /**
     * Publishes until the node stores the event, at most five tries ({@code key}, {@code key.1},
     * …): while Redis comes back a node may refuse with {@code 503}.
     *
     * @return the stored event's data
     */
    String publishUntilStored(DemoClient node, String key) {
        for (int attempt = 0; attempt < 5; attempt++) {
            String data = attempt == 0 ? key : key + "." + attempt;
            if (publish(node, data) != null) {
                return data;
            }
            if (!otherAnswers.isEmpty()) {
                break;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        throw new AssertionError(
                "not stored: " + key + "; refused " + refused + ", " + otherAnswers);
    }

    /** What a client received, by data, against what was published. */
    DeliveryFigures figures(List<SseEvent> received) {
        return DeliveryFigures.of(
                List.copyOf(attempted),
                Set.copyOf(confirmed),
                received.stream().map(SseEvent::data).toList());
    }

    int confirmedCount() {
        return confirmed.size();
    }

    String lastConfirmed() {
        return lastConfirmed;
    }

    int refused() {
        return refused.get();
    }

    List<String> otherAnswers() {
        return List.copyOf(otherAnswers);
    }
}
