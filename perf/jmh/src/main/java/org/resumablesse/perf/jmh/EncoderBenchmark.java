package org.resumablesse.perf.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.resumablesse.core.EventFrame;
import org.resumablesse.core.EventFrameEncoder;

/** {@code EventFrameEncoder.event}: one frame of one data line, as every publish encodes it. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EncoderBenchmark {

    @Param({"100", "16384"})
    public int size;

    private String data;

    @Setup
    public void setUp() {
        data = "x".repeat(size);
    }

    @Benchmark
    public EventFrame encodeEvent() {
        return EventFrameEncoder.event("bench", "9f2c41d07ab3e865-0000000000000000042", data, -1);
    }
}
