package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resumablesse.ServerEvent;
import org.resumablesse.testkit.WhatwgEventStreamParser.Event;

class ReplayMarkersTest {

    private static final long TIME = 1_700_000_000_999L;
    private static final String MARKS = "\"_replayed\":true,\"_originalTime\":1700000000";

    @Test
    void putsTheMarkersFirstInAJsonObject() {
        assertThat(ReplayMarkers.mark("{\"a\":1}", TIME)).isEqualTo("{" + MARKS + ",\"a\":1}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{ }", "{\n}", "{\r\n\t}"})
    void addsNoCommaToAnEmptyObject(String empty) {
        String marked = ReplayMarkers.mark(empty, TIME);

        assertThat(marked).startsWith("{" + MARKS).doesNotContain(",}").doesNotContain(", }");
        assertThat(marked.replace(MARKS, "")).isEqualTo(empty);
    }

    @Test
    void marksAMultiLineObjectOnTheLineOfItsOpeningBrace() {
        assertThat(ReplayMarkers.mark("{\n  \"a\": 1,\n  \"b\": [2]\n}", TIME))
                .isEqualTo("{" + MARKS + ",\n  \"a\": 1,\n  \"b\": [2]\n}");
    }

    @Test
    void keepsWhitespaceAroundTheObject() {
        assertThat(ReplayMarkers.mark("  {\"a\":1}\n", TIME))
                .isEqualTo("  {" + MARKS + ",\"a\":1}\n");
    }

    @Test
    void roundsTheOriginalTimeDownToSeconds() {
        assertThat(ReplayMarkers.mark("{}", -1))
                .isEqualTo("{\"_replayed\":true,\"_originalTime\":-1}");
        assertThat(ReplayMarkers.mark("{}", 999))
                .isEqualTo("{\"_replayed\":true,\"_originalTime\":0}");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", " ", "hello", "[1,2]", "{", "}", "{\"open\":1", "\"{}\"", "42", "null"})
    void leavesDataThatIsNotAnObjectAlone(String data) {
        assertThat(ReplayMarkers.mark(data, TIME)).isSameAs(data);
    }

    @Property(tries = 500)
    void markingOnlyInsertsTheMarkersAfterTheOpeningBrace(
            @ForAll("objects") String object, @ForAll @LongRange(min = 0) long time) {
        String marked = ReplayMarkers.mark(object, time);
        String members = "\"_replayed\":true,\"_originalTime\":" + time / 1000;

        int brace = object.indexOf('{');
        assertThat(marked.substring(0, brace + 1)).isEqualTo(object.substring(0, brace + 1));
        assertThat(marked.substring(brace + 1)).startsWith(members);
        String rest = marked.substring(brace + 1 + members.length());
        String original = object.substring(brace + 1);
        assertThat(rest).isIn(original, "," + original);
        assertThat(rest.startsWith(","))
                .isEqualTo(!original.substring(0, original.lastIndexOf('}')).isBlank());
    }

    @Test
    void marksReplayedJsonEventsOnlyWhenEnabledAndNeverLiveOnes() {
        SseEngine engine =
                TestEngines.started(
                        TestEngines.settings().replayMarkers(true).build(), new MutableClock(TIME));
        try {
            Client client = Client.connect(engine);
            Client.Connected watching = client.reconnect(engine);
            client.connections.get(0).disconnect();
            engine.publish(ServerEvent.broadcast("json", "{\"a\":1}"));
            engine.publish(ServerEvent.broadcast("text", "plain"));
            engine.publish(ServerEvent.broadcast("multi", "{\n\"b\":2\n}"));

            RecordingTransport back = new RecordingTransport();
            String cursor = client.connections.get(0).transport.parsed().lastEventId();
            engine.open(engine.admit(client.token, cursor, List.of(), null), back);
            String live = engine.publish(ServerEvent.broadcast("json", "{\"c\":3}"));

            List<Event> events = back.events();
            assertThat(events)
                    .extracting(Event::data)
                    .containsExactly(
                            "{" + MARKS + ",\"a\":1}",
                            "plain",
                            "{" + MARKS + ",\n\"b\":2\n}",
                            "{\"c\":3}");
            assertThat(events.get(3).lastEventId()).isEqualTo(live);
            assertThat(watching.transport.events())
                    .extracting(Event::data)
                    .containsExactly("{\"a\":1}", "plain", "{\n\"b\":2\n}", "{\"c\":3}");
        } finally {
            engine.close();
        }
    }

    @Provide
    Arbitrary<String> objects() {
        Arbitrary<String> blank = Arbitraries.strings().withChars(" \t\r\n").ofMaxLength(3);
        Arbitrary<String> inner =
                Arbitraries.oneOf(
                        blank, Arbitraries.strings().withChars("\"abc:,1[]{} \n").ofMaxLength(30));
        return net.jqwik.api.Combinators.combine(blank, inner, blank)
                .as((before, body, after) -> before + "{" + body + "}" + after);
    }
}
