package org.resumablesse.perf.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsTest {

    @Test
    void cellShowsMedianAndRange() {
        assertEquals("8.20 [7.90-12.5]", Results.cell(List.of(12.5, 7.9, 8.2)));
    }

    @Test
    void cellOfEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals("15 [10-30]", Results.cell(List.of(10.0, 30.0, 20.0, 10.0)));
    }

    @Test
    void cellOfOneRunIsItsValue() {
        assertEquals("1000", Results.cell(List.of(1000.0)));
    }
}
