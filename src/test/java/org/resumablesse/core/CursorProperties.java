package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resumablesse.testkit.Theories.anyChar;
import static org.resumablesse.testkit.Theories.anyOf;
import static org.resumablesse.testkit.Theories.check;
import static org.resumablesse.testkit.Theories.stringOf;

import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class CursorProperties {

    @Test
    void formatThenParseGivesTheSameCursor() {
        check(
                1000,
                epochs(),
                TextGenerators.sequences(),
                (epoch, sequence) -> {
                    Cursor cursor = new Cursor(epoch, sequence);

                    assertThat(Cursor.parse(cursor.format())).contains(cursor);
                });
    }

    @Test
    void everyIdIs36PlainAsciiCharactersThatNeedNoEscaping() {
        check(
                1000,
                epochs(),
                TextGenerators.sequences(),
                (epoch, sequence) -> {
                    String id = Cursor.format(epoch, sequence);

                    assertThat(id)
                            .hasSize(Cursor.LENGTH)
                            .hasSize(36)
                            .matches("[0-9a-f]{16}-[0-9]{19}");
                });
    }

    @Test
    void idsOfOneEpochSortAsStringsBySequence() {
        check(
                1000,
                epochs(),
                TextGenerators.sequences(),
                TextGenerators.sequences(),
                (epoch, first, second) -> {
                    int asStrings =
                            Cursor.format(epoch, first).compareTo(Cursor.format(epoch, second));

                    assertThat(Integer.signum(asStrings))
                            .isEqualTo(Long.signum(Long.compare(first, second)));
                });
    }

    @Test
    void parseNeverThrowsAndOnlyAcceptsTheCanonicalForm() {
        check(
                1000,
                untrustedText(),
                text -> {
                    Optional<Cursor> parsed = Cursor.parse(text);

                    parsed.ifPresent(cursor -> assertThat(cursor.format()).isEqualTo(text));
                });
    }

    @Test
    void nearlyValidIdsAreRefusedUnlessStillCanonical() {
        check(
                1000,
                mutatedIds(),
                text -> {
                    Optional<Cursor> parsed = Cursor.parse(text);

                    if (text.matches("[0-9a-f]{16}-[0-9]{19}")
                            && new BigInteger(text.substring(17)).bitLength() < 64) {
                        assertThat(parsed).isPresent();
                        assertThat(parsed.get().format()).isEqualTo(text);
                    } else {
                        assertThat(parsed).isEmpty();
                    }
                });
    }

    @Test
    void sequencesBeyondLongMaxAreRefusedWithoutOverflow() {
        check(
                1000,
                epochs(),
                nineteenDigits(),
                (epoch, digits) -> {
                    String text = epoch + "-" + String.format("%019d", digits);

                    Optional<Cursor> parsed = Cursor.parse(text);

                    if (digits.bitLength() < 64) {
                        assertThat(parsed).contains(new Cursor(epoch, digits.longValueExact()));
                    } else {
                        assertThat(parsed).isEmpty();
                    }
                });
    }

    private static Gen<String> epochs() {
        return TextGenerators.epochs();
    }

    /** Any number of at most 19 digits, crowded around Long.MAX_VALUE. */
    private static Gen<BigInteger> nineteenDigits() {
        BigInteger max = BigInteger.TEN.pow(19).subtract(BigInteger.ONE);
        long longMax = Long.MAX_VALUE;
        Gen<BigInteger> anyNineteen =
                stringOf("0123456789", 19, 19).map(digits -> new BigInteger(digits));
        Gen<BigInteger> nearLongMax =
                Generate.range(-1000, 1000)
                        .map(delta -> BigInteger.valueOf(longMax).add(BigInteger.valueOf(delta)));
        return Generate.oneOf(anyNineteen, nearLongMax, Generate.constant(max));
    }

    /** Anything a header may carry: any chars, control characters, very long text. */
    private static Gen<String> untrustedText() {
        Gen<String> anyChars = stringOf(anyChar(), 0, 80);
        Gen<String> controls = stringOf("\0\r\n\t -+0123456789abcdefABCDEF", 0, 40);
        Gen<String> huge =
                Generate.range(37, 200_000).map(n -> "0".repeat(16) + "-" + "9".repeat(n - 17));
        Gen<String> exactLength =
                stringOf(Generate.characters('\0', '\u00ff'), Cursor.LENGTH, Cursor.LENGTH);
        return Generate.oneOf(anyChars, controls, huge, exactLength, mutatedIds());
    }

    /** Valid ids with one character replaced, inserted or removed. */
    private static Gen<String> mutatedIds() {
        Gen<Character> odd =
                anyOf(
                        '\0', '\r', '\n', ' ', '-', '+', 'A', 'F', 'g', 'x', '0', '9', '\u0663',
                        '\uff10', '\ud800', '\u00e9');
        return TextGenerators.ids()
                .zip(
                        Generate.range(0, 36),
                        odd,
                        anyOf(0, 1, 2),
                        (id, at, c, how) -> {
                            int index = Math.min(at, id.length() - 1);
                            StringBuilder text = new StringBuilder(id);
                            switch (how) {
                                case 0 -> text.setCharAt(index, c);
                                case 1 -> text.insert((int) at, c.charValue());
                                default -> text.deleteCharAt(index);
                            }
                            return text.toString();
                        });
    }
}
