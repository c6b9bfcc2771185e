package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resumablesse.testkit.Theories.check;
import static org.resumablesse.testkit.Theories.stringOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
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

    @Test
    void markingOnlyInsertsTheMarkersAfterTheOpeningBrace() {
        check(
                500,
                objects(),
                TextGenerators.sequences(),
                (object, time) -> {
                    String marked = ReplayMarkers.mark(object, time);
                    String members = "\"_replayed\":true,\"_originalTime\":" + time / 1000;

                    int brace = object.indexOf('{');
                    assertThat(marked.substring(0, brace + 1))
                            .isEqualTo(object.substring(0, brace + 1));
                    assertThat(marked.substring(brace + 1)).startsWith(members);
                    String rest = marked.substring(brace + 1 + members.length());
                    String original = object.substring(brace + 1);
                    assertThat(rest).isIn(original, "," + original);
                    assertThat(rest.startsWith(","))
                            .isEqualTo(!original.substring(0, original.lastIndexOf('}')).isBlank());
                });
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

    private static Gen<String> objects() {
        Gen<String> blank = stringOf(" \t\r\n", 0, 3);
        Gen<String> inner = Generate.oneOf(blank, stringOf("\"abc:,1[]{} \n", 0, 30));
        return blank.zip(inner, blank, (before, body, after) -> before + "{" + body + "}" + after);
    }
}
