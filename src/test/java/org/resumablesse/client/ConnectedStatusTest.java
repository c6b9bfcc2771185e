package org.resumablesse.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Reading the connected event's JSON as the server writes it. */
class ConnectedStatusTest {

    private static final String ID = "9f2c41d07ab3e865-0000000000000000042";

    @Test
    void readsARecoveredReconnection() {
        ConnectedStatus status =
                ConnectedStatus.parse(
                        "{\"sessionId\":\"Yq3fT0b8WkR2xN5vLc7sDg\",\"reconnection\":true,"
                                + "\"recovered\":true,\"replayed\":2}",
                        ID);

        assertThat(status)
                .isEqualTo(
                        new ConnectedStatus(
                                "Yq3fT0b8WkR2xN5vLc7sDg", true, true, false, null, 2, ID));
    }

    @Test
    void readsAGapWithItsReasonAndANewSession() {
        ConnectedStatus status =
                ConnectedStatus.parse(
                        "{\"sessionId\":\"abc\",\"reconnection\":true,\"recovered\":false,"
                                + "\"newSession\":true,\"reason\":\"overflow\",\"replayed\":0}",
                        ID);

        assertThat(status.recovered()).isFalse();
        assertThat(status.newSession()).isTrue();
        assertThat(status.reasonIfAny()).contains("overflow");
    }

    @Test
    void readsANullSessionIdWhenReconnectionIsDisabled() {
        ConnectedStatus status =
                ConnectedStatus.parse(
                        "{\"sessionId\":null,\"reconnection\":false,\"recovered\":false,"
                                + "\"replayed\":0}",
                        ID);

        assertThat(status.sessionId()).isNull();
        assertThat(status.reconnection()).isFalse();
    }

    @Test
    void refusesDataThatIsNotAConnectedEvent() {
        assertThatThrownBy(() -> ConnectedStatus.parse("{\"sku\":\"A1\"}", ID))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
