package org.resumablesse.testkit;

import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.quicktheories.QuickTheory;
import org.quicktheories.api.AsString;
import org.quicktheories.api.Pair;
import org.quicktheories.api.QuadConsumer;
import org.quicktheories.api.TriConsumer;
import org.quicktheories.core.ExceptionReporter;
import org.quicktheories.core.Gen;
import org.quicktheories.core.Reporter;
import org.quicktheories.generators.Generate;

/**
 * Runs property tests on QuickTheories from plain JUnit 5 methods, and the generators they share.
 *
 * <p><b>Tries.</b> QuickTheories skips an example whose random draws it has already tried, and that
 * skip still counts against its example budget. So each check asks for a tenth more examples than
 * {@code tries} and then fails unless at least {@code tries} distinct examples ran: the number a
 * property states is a floor that the run proves.
 *
 * <p><b>Seeds.</b> Each check draws a fresh seed unless the system property {@code QT_SEED} is set
 * (QuickTheories reads it in {@code Configuration.systemStrategy()}). A falsified property fails
 * with an {@link AssertionError} whose message shows the smallest failing values and ends with
 * {@code Seed was N}; Surefire prints that message. To run the same examples again:
 *
 * <pre>mvn -o test -Dtest='CursorProperties#parseNeverThrows*' -DQT_SEED=N</pre>
 *
 * <p>Surefire hands {@code -D} properties of the Maven command to the forked test JVM. {@code
 * QT_SEED} applies to every check in that JVM, so select the one failing test with {@code -Dtest}.
 */
public final class Theories {

    /** Bounds the search for a smaller failing example; QuickTheories' default is 100 × tries. */
    private static final int SHRINK_CYCLES = 1_000;

    /**
     * Scales every property's tries: 1 in a normal build. The mutation-testing profile sets 0.1,
     * since PIT runs the covering tests again for every mutant.
     */
    private static final double TRIES_SCALE =
            Double.parseDouble(System.getProperty("resumablesse.test.tries-scale", "1"));

    private Theories() {}

    public static <A> void check(int tries, Gen<A> as, Consumer<A> property) {
        AtomicInteger ran = new AtomicInteger();
        theory(scaled(tries))
                .forAll(as)
                .checkAssert(
                        a -> {
                            ran.incrementAndGet();
                            property.accept(a);
                        });
        assertRan(scaled(tries), ran);
    }

    public static <A, B> void check(int tries, Gen<A> as, Gen<B> bs, BiConsumer<A, B> property) {
        AtomicInteger ran = new AtomicInteger();
        theory(scaled(tries))
                .forAll(as, bs)
                .checkAssert(
                        (a, b) -> {
                            ran.incrementAndGet();
                            property.accept(a, b);
                        });
        assertRan(scaled(tries), ran);
    }

    public static <A, B, C> void check(
            int tries, Gen<A> as, Gen<B> bs, Gen<C> cs, TriConsumer<A, B, C> property) {
        AtomicInteger ran = new AtomicInteger();
        theory(scaled(tries))
                .forAll(as, bs, cs)
                .checkAssert(
                        (a, b, c) -> {
                            ran.incrementAndGet();
                            property.accept(a, b, c);
                        });
        assertRan(scaled(tries), ran);
    }

    public static <A, B, C, D> void check(
            int tries,
            Gen<A> as,
            Gen<B> bs,
            Gen<C> cs,
            Gen<D> ds,
            QuadConsumer<A, B, C, D> property) {
        AtomicInteger ran = new AtomicInteger();
        theory(scaled(tries))
                .forAll(as, bs, cs, ds)
                .checkAssert(
                        (a, b, c, d) -> {
                            ran.incrementAndGet();
                            property.accept(a, b, c, d);
                        });
        assertRan(scaled(tries), ran);
    }

    private static int scaled(int tries) {
        return Math.max(1, (int) Math.ceil(tries * TRIES_SCALE));
    }

    private static QuickTheory theory(int tries) {
        return qt().withExamples(tries + tries / 10)
                .withShrinkCycles(SHRINK_CYCLES)
                .withReporter(new RerunHint());
    }

    private static void assertRan(int tries, AtomicInteger ran) {
        if (ran.get() < tries) {
            throw new AssertionError(
                    "Only "
                            + ran.get()
                            + " distinct examples ran, fewer than the "
                            + tries
                            + " promised: the generators repeat themselves too often");
        }
    }

    /** QuickTheories' own report, which ends with the seed, followed by how to use that seed. */
    private static final class RerunHint implements Reporter {
        private final Reporter report = new ExceptionReporter();

        @Override
        public void falisification(
                long seed,
                int count,
                Object smallest,
                Throwable cause,
                List<Object> examples,
                AsString<Object> toString) {
            try {
                report.falisification(seed, count, smallest, cause, examples, toString);
            } catch (AssertionError falsified) {
                throw withHint(falsified, seed);
            }
        }

        @Override
        public void falisification(
                long seed,
                int count,
                Object smallest,
                List<Object> examples,
                AsString<Object> toString) {
            try {
                report.falisification(seed, count, smallest, examples, toString);
            } catch (AssertionError falsified) {
                throw withHint(falsified, seed);
            }
        }

        @Override
        public void valuesExhausted(int completedExamples) {
            report.valuesExhausted(completedExamples);
        }

        private static AssertionError withHint(AssertionError falsified, long seed) {
            return new AssertionError(
                    falsified.getMessage()
                            + System.lineSeparator()
                            + "Same examples again: mvn -o test -Dtest=<this test> -DQT_SEED="
                            + seed,
                    falsified.getCause());
        }
    }

    // Generators.

    /** One of the given values, each as likely. */
    @SafeVarargs
    public static <T> Gen<T> anyOf(T... values) {
        return Generate.pick(List.of(values));
    }

    /** Chars drawn from {@code chars}, {@code min} to {@code max} of them. */
    public static Gen<String> stringOf(String chars, int min, int max) {
        return stringOf(
                anyOf(chars.chars().mapToObj(c -> (char) c).toArray(Character[]::new)), min, max);
    }

    /** Chars drawn from {@code chars}, {@code min} to {@code max} of them. */
    public static Gen<String> stringOf(Gen<Character> chars, int min, int max) {
        Gen<Integer> lengths = Generate.range(min, max);
        return in -> {
            int length = lengths.generate(in);
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append(chars.generate(in).charValue());
            }
            return text.toString();
        };
    }

    /** Any UTF-16 code unit, unpaired surrogates included. */
    public static Gen<Character> anyChar() {
        return Generate.characters(Character.MIN_VALUE, Character.MAX_VALUE);
    }

    /** {@code min} to {@code max} values of {@code elements}, in order. */
    public static <T> Gen<List<T>> listOf(Gen<T> elements, int min, int max) {
        Gen<Integer> sizes = Generate.range(min, max);
        return in -> {
            int size = sizes.generate(in);
            List<T> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(elements.generate(in));
            }
            return list;
        };
    }

    /** Up to {@code max} distinct values of {@code elements} and at least {@code min}. */
    public static <T> Gen<Set<T>> setOf(Gen<T> elements, int min, int max) {
        return listOf(elements, min, max)
                .map(list -> (Set<T>) new LinkedHashSet<>(list))
                .assuming(set -> set.size() >= min);
    }

    /** A value of one of the generators, chosen in proportion to its weight. */
    @SafeVarargs
    public static <T> Gen<T> weighted(Pair<Integer, Gen<T>> first, Pair<Integer, Gen<T>>... more) {
        return Generate.frequency(first, more);
    }

    public static <T> Pair<Integer, Gen<T>> weight(int weight, Gen<T> gen) {
        return Pair.of(weight, gen);
    }
}
