package org.resumablesse.it.features;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.resumablesse.it.Sse.named;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.resumablesse.it.Connected;
import org.resumablesse.it.DemoClient;
import org.resumablesse.it.Names;
import org.resumablesse.it.OpenStreams;
import org.resumablesse.it.Sse;
import org.resumablesse.it.SseClient;
import org.resumablesse.it.Timeouts;

/**
 * The steps of {@code reconnection.feature}. Cucumber makes one instance per scenario, so the
 * fields are one scenario's state. Every wait has a deadline ({@link Timeouts}); the topic and
 * event names are unique to the scenario, so no scenario sees another's events.
 */
public class ReconnectionSteps {

    private final DemoClient demo = FeatureTarget.demo();
    private final OpenStreams streams = new OpenStreams();
    private final String topic = Names.unique("feature");
    private final String eventName = Names.unique("missed");
    private final List<String> missed = new ArrayList<>();
    private SseClient first;
    private Connected firstConnected;
    private String cursor;
    private SseClient back;
    private Connected backConnected;
    private SseClient second;
    private String targeted;
    private String broadcast;

    @After
    public void closeStreams() {
        streams.close();
    }

    @Given("a client that follows a topic of its own on the event stream")
    public void aClientFollowingItsTopic() {
        first = streams.open(demo.stream().topic(topic).label("first"));
        firstConnected = Connected.await(first);
    }

    @Given("the client has received {int} events on its topic")
    public void theClientHasReceived(int count) {
        String name = Names.unique("seen");
        for (int i = 0; i < count; i++) {
            demo.toTopic(topic, name, "seen " + i);
        }
        first.awaitEvents(named(name), count, Timeouts.DEFAULT);
    }

    @When("the client's connection drops")
    public void theConnectionDrops() {
        cursor = first.drop();
    }

    @When("{int} events are published to its topic while it is away")
    public void eventsArePublishedWhileAway(int count) {
        for (int i = 0; i < count; i++) {
            missed.add(demo.toTopic(topic, eventName, "missed " + i));
        }
    }

    @When("the client stays away until the server has expired its session")
    public void theSessionExpires() {
        String session = firstConnected.sessionId();
        await("session " + session + " expires")
                .atMost(Timeouts.DEFAULT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> demo.session(session).status() == 404);
    }

    @When("the client reconnects with its session and its last event id")
    public void theClientReconnects() {
        back =
                streams.open(
                        demo.stream()
                                .topic(topic)
                                .sessionCookie(first.sessionToken())
                                .lastEventId(cursor)
                                .label("back"));
        backConnected = Connected.await(back);
    }

    @Then("its new stream says it was recovered with {int} replayed events")
    public void itWasRecovered(int replayed) {
        assertTrue(backConnected.reconnection(), back::transcript);
        assertTrue(backConnected.recovered(), back::transcript);
        assertEquals(replayed, backConnected.replayed(), back::transcript);
        assertEquals(firstConnected.sessionId(), backConnected.sessionId(), "the same session");
    }

    @Then("the client receives the {int} missed events in the order they were published")
    public void theClientReceivesTheMissedEvents(int count) {
        assertEquals(count, missed.size());
        assertEquals(missed, Sse.ids(back.awaitEvents(named(eventName), count, Timeouts.DEFAULT)));
    }

    @Then("its new stream says it was given a new session")
    public void itWasGivenANewSession() {
        assertTrue(backConnected.reconnection(), back::transcript);
        assertTrue(backConnected.newSession(), back::transcript);
    }

    @Then("the new session has another id than the expired one")
    public void theNewSessionHasAnotherId() {
        assertNotEquals(firstConnected.sessionId(), backConnected.sessionId());
        assertNotEquals(first.sessionToken(), back.sessionToken(), "a new token is issued");
    }

    @Then("its new stream says it could not be recovered, because of {string}")
    public void itCouldNotBeRecovered(String reason) {
        assertTrue(backConnected.reconnection(), back::transcript);
        assertFalse(backConnected.recovered(), back::transcript);
        assertEquals(Optional.of(reason), backConnected.reason(), back::transcript);
    }

    @Then("no event is replayed to it")
    public void noEventIsReplayed() {
        assertEquals(0, backConnected.replayed(), back::transcript);
        String after = demo.toTopic(topic, eventName + "-after", "live again");
        assertEquals(after, back.awaitEvent(named(eventName + "-after"), Timeouts.DEFAULT).id());
        assertEquals(List.of(), back.events(named(eventName)), "a missed event was replayed");
    }

    @Given("a second client on the event stream")
    public void aSecondClient() {
        second = streams.open(demo.stream().label("second"));
        Connected.await(second);
    }

    @When("an event is published to the first client's session")
    public void anEventIsPublishedToTheFirstSession() {
        targeted = demo.toSession(firstConnected.sessionId(), eventName, "for the first only");
    }

    @When("an event is broadcast to everyone after it")
    public void anEventIsBroadcast() {
        broadcast = demo.broadcast(eventName + "-all", "for everyone");
    }

    @Then("the first client receives the event addressed to its session")
    public void theFirstClientReceivesIt() {
        assertEquals(targeted, first.awaitEvent(named(eventName), Timeouts.DEFAULT).id());
    }

    @Then("the second client receives the broadcast event but not the one addressed to the first")
    public void theSecondClientDoesNot() {
        assertEquals(
                broadcast, second.awaitEvent(named(eventName + "-all"), Timeouts.DEFAULT).id());
        assertEquals(List.of(), second.events(named(eventName)), "reached another session");
    }
}
