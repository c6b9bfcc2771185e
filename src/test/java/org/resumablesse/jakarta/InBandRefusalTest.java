package org.resumablesse.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.resumablesse.core.ConnectionRefusedException;
import org.resumablesse.core.ConnectionRefusedException.Reason;
import org.resumablesse.testkit.WhatwgEventStreamParser;

/** What a refused client is answered, as an EventSource reads it. */
class InBandRefusalTest {

    @Test
    void aRefusalTheClientOutwaitsIsAnEventStreamWithARetryHintAndARefusedEvent() {
        StreamAdmission.Refused refused =
                StreamAdmission.refusal(
                        new ConnectionRefusedException(
                                Reason.TOO_MANY_NEW_SESSIONS, "too many", 12_300));

        assertThat(refused.httpStatus()).isEqualTo(200);
        assertThat(refused.contentType()).startsWith("text/event-stream");
        assertThat(refused.retryAfter()).isEqualTo("13");
        WhatwgEventStreamParser seen = WhatwgEventStreamParser.parse(refused.body());
        assertThat(seen.reconnectionTime()).isEqualTo(12_300);
        assertThat(seen.events()).hasSize(1);
        assertThat(seen.events().get(0).type()).isEqualTo("refused");
        assertThat(seen.events().get(0).data())
                .isEqualTo("{\"reason\":\"max-new-sessions-per-address\",\"retry\":12300}");
        assertThat(seen.lastEventId()).as("the client's cursor is kept").isEmpty();
    }

    @Test
    void everyLimitAndOutageIsAnsweredInBandWithItsOwnReasonAndTheWebSocketCodeOfItsStatus() {
        assertThat(inBand(Reason.TOO_MANY_SESSIONS)).isEqualTo("503 max-sessions 30000");
        assertThat(inBand(Reason.TOO_MANY_CONNECTIONS))
                .isEqualTo("429 max-connections-per-session 30000");
        assertThat(inBand(Reason.TOO_MANY_CONNECTIONS_IN_TOTAL))
                .isEqualTo("503 max-connections 30000");
        assertThat(inBand(Reason.NOT_RUNNING)).isEqualTo("503 not-running 30000");
        assertThat(inBand(Reason.STORE_UNAVAILABLE)).isEqualTo("503 store-unavailable 5000");
    }

    @Test
    void aMalformedRequestKeepsItsErrorStatusAndPlainText() {
        StreamAdmission.Refused refused =
                StreamAdmission.refusal(
                        new ConnectionRefusedException(Reason.BAD_REQUEST, "bad topic"));

        assertThat(refused.inBand()).isFalse();
        assertThat(refused.httpStatus()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("text/plain");
        assertThat(refused.body()).isEqualTo("bad topic");
    }

    private static String inBand(Reason reason) {
        StreamAdmission.Refused refused =
                StreamAdmission.refusal(new ConnectionRefusedException(reason, "no"));
        assertThat(refused.httpStatus()).isEqualTo(200);
        return refused.status() + " " + refused.reason() + " " + refused.retryMillis();
    }
}
