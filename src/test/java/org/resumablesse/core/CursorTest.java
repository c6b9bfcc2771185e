package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorTest {

    private static final String EPOCH = "0123456789abcdef";

    @Test
    void formatsTheSequenceZeroPaddedAfterTheEpoch() {
        assertThat(new Cursor(EPOCH, 42).format())
                .isEqualTo("0123456789abcdef-0000000000000000042");
        assertThat(Cursor.format(EPOCH, Long.MAX_VALUE))
                .isEqualTo("0123456789abcdef-9223372036854775807");
    }

    @Test
    void printsAsItsWireForm() {
        assertThat(new Cursor(EPOCH, 7)).hasToString("0123456789abcdef-0000000000000000007");
    }

    @Test
    void readsTheLargestSequence() {
        assertThat(Cursor.parse("0123456789abcdef-9223372036854775807"))
                .contains(new Cursor(EPOCH, Long.MAX_VALUE));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "garbage",
                "0123456789abcdef-9999999999999999999",
                "0123456789abcdef-9223372036854775808",
                "0123456789abcdef--000000000000000001",
                "0123456789abcdef-+000000000000000001",
                "0123456789ABCDEF-0000000000000000001",
                "0123456789abcdef-0000000000000000001 ",
                " 0123456789abcdef-0000000000000000001",
                "0123456789abcdef-000000000000000001",
                "0123456789abcdef_0000000000000000001",
                "0123456789abcdef-000000000000000000\u0000",
                "0123456789abcdef-000000000000000000\r",
                "0123456789abcdef-000000000000000000\n",
                "0123456789abcdef-00000000000000000\r\n",
                "0123456789abcdef-000000000000000000\u0661",
                "0123456789abcdeg-0000000000000000001",
            })
    void refusesAnythingButTheCanonicalForm(String text) {
        assertThat(Cursor.parse(text)).isEmpty();
    }

    @Test
    void refusesNullAndHugeTextWithoutThrowing() {
        assertThat(Cursor.parse(null)).isEmpty();
        assertThat(Cursor.parse("1".repeat(10_000_000))).isEmpty();
    }

    @Test
    void refusesAMalformedEpochOrANegativeSequenceWhenBuilt() {
        assertThatThrownBy(() -> new Cursor("0123456789ABCDEF", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Cursor("abc", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Cursor(EPOCH, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
