package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class CursorProperties {

    @Property(tries = 1000)
    void formatThenParseGivesTheSameCursor(
            @ForAll("epochs") String epoch, @ForAll @LongRange(min = 0) long sequence) {
        Cursor cursor = new Cursor(epoch, sequence);

        assertThat(Cursor.parse(cursor.format())).contains(cursor);
    }

    @Property(tries = 1000)
    void everyIdIs36PlainAsciiCharactersThatNeedNoEscaping(
            @ForAll("epochs") String epoch, @ForAll @LongRange(min = 0) long sequence) {
        String id = Cursor.format(epoch, sequence);

        assertThat(id).hasSize(Cursor.LENGTH).hasSize(36).matches("[0-9a-f]{16}-[0-9]{19}");
    }

    @Property(tries = 1000)
    void idsOfOneEpochSortAsStringsBySequence(
            @ForAll("epochs") String epoch,
            @ForAll @LongRange(min = 0) long first,
            @ForAll @LongRange(min = 0) long second) {
        int asStrings = Cursor.format(epoch, first).compareTo(Cursor.format(epoch, second));

        assertThat(Integer.signum(asStrings)).isEqualTo(Long.signum(Long.compare(first, second)));
    }

    @Property(tries = 1000)
    void parseNeverThrowsAndOnlyAcceptsTheCanonicalForm(@ForAll("untrustedText") String text) {
        Optional<Cursor> parsed = Cursor.parse(text);

        parsed.ifPresent(cursor -> assertThat(cursor.format()).isEqualTo(text));
    }

    @Property(tries = 1000)
    void nearlyValidIdsAreRefusedUnlessStillCanonical(@ForAll("mutatedIds") String text) {
        Optional<Cursor> parsed = Cursor.parse(text);

        if (text.matches("[0-9a-f]{16}-[0-9]{19}")
                && new BigInteger(text.substring(17)).bitLength() < 64) {
            assertThat(parsed).isPresent();
            assertThat(parsed.get().format()).isEqualTo(text);
        } else {
            assertThat(parsed).isEmpty();
        }
    }

    @Property(tries = 1000)
    void sequencesBeyondLongMaxAreRefusedWithoutOverflow(
            @ForAll("epochs") String epoch, @ForAll("nineteenDigits") BigInteger digits) {
        String text = epoch + "-" + String.format("%019d", digits);

        Optional<Cursor> parsed = Cursor.parse(text);

        if (digits.bitLength() < 64) {
            assertThat(parsed).contains(new Cursor(epoch, digits.longValueExact()));
        } else {
            assertThat(parsed).isEmpty();
        }
    }

    @Provide
    Arbitrary<String> epochs() {
        return Arbitraries.strings().withChars("0123456789abcdef").ofLength(16);
    }

    @Provide
    Arbitrary<BigInteger> nineteenDigits() {
        BigInteger max = BigInteger.TEN.pow(19).subtract(BigInteger.ONE);
        BigInteger longMax = BigInteger.valueOf(Long.MAX_VALUE);
        return Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.ZERO, max),
                Arbitraries.bigIntegers()
                        .between(
                                longMax.subtract(BigInteger.valueOf(1000)),
                                longMax.add(BigInteger.valueOf(1000))),
                Arbitraries.just(max));
    }

    /** Anything a header may carry: any chars, control characters, very long text. */
    @Provide
    Arbitrary<String> untrustedText() {
        Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(80);
        Arbitrary<String> controls =
                Arbitraries.strings()
                        .withChars("\0\r\n\t -+0123456789abcdefABCDEF")
                        .ofMaxLength(40);
        Arbitrary<String> huge =
                Arbitraries.integers()
                        .between(37, 200_000)
                        .map(n -> "0".repeat(16) + "-" + "9".repeat(n - 17));
        Arbitrary<String> exactLength =
                Arbitraries.strings().withCharRange('\0', '\u00ff').ofLength(Cursor.LENGTH);
        return Arbitraries.oneOf(anyChars, controls, huge, exactLength, mutatedIds());
    }

    /** Valid ids with one character replaced, inserted or removed. */
    @Provide
    Arbitrary<String> mutatedIds() {
        Arbitrary<String> valid =
                Combinators.combine(epochs(), Arbitraries.longs().greaterOrEqual(0))
                        .as(Cursor::format);
        Arbitrary<Character> odd =
                Arbitraries.of(
                        '\0', '\r', '\n', ' ', '-', '+', 'A', 'F', 'g', 'x', '0', '9', '\u0663',
                        '\uff10', '\ud800', '\u00e9');
        return Combinators.combine(
                        valid, Arbitraries.integers().between(0, 36), odd, Arbitraries.of(0, 1, 2))
                .as(
                        (String id, Integer at, Character c, Integer how) -> {
                            int index = Math.min(at, id.length() - 1);
                            char odd1 = c;
                            StringBuilder text = new StringBuilder(id);
                            switch (how) {
                                case 0 -> text.setCharAt(index, odd1);
                                case 1 -> text.insert((int) at, odd1);
                                default -> text.deleteCharAt(index);
                            }
                            return text.toString();
                        });
    }
}
