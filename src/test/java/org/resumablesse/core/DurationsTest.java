package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.resumablesse.testkit.Theories.anyOf;
import static org.resumablesse.testkit.Theories.check;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.generators.Generate;

class DurationsTest {

    @Test
    void readsAWholeNumberWithAUnitOrIso8601() {
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("PT30S")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("pt1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse(" 30S ")).isEqualTo(Duration.ofSeconds(30));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "30",
                "-5s",
                "5 s",
                "5d",
                "1.5s",
                "abc",
                "P",
                "PTXS",
                "s",
                "9999999999999s"
            })
    void refusesOtherFormsShowingTheTextAndTheAcceptedForms(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("ms, s, m or h")
                .hasMessageContaining("PT30S");
    }

    @Test
    void formatsInTheLargestWholeUnit() {
        assertThat(Durations.format(Duration.ofHours(2))).isEqualTo("2h");
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(Durations.format(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.format(Duration.ofMillis(1))).isEqualTo("1ms");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> Durations.parse(null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsBackWhatItFormats() {
        check(
                1000,
                Generate.longRange(0, 999_999_999_999L)
                        .zip(
                                anyOf(1L, 1000L, 60_000L, 3_600_000L),
                                // Whole seconds, minutes and hours as often as odd milliseconds.
                                (millis, unit) -> millis / unit * unit),
                millis -> {
                    Duration duration = Duration.ofMillis(millis);

                    assertThat(Durations.parse(Durations.format(duration))).isEqualTo(duration);
                });
    }
}
