package org.resumablesse.core;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** Generators for the text that crosses the encoder: names, ids, and data of any Unicode. */
final class TextArbitraries {

    static final String NAME_CHARS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:-";

    private TextArbitraries() {}

    /** Names the rules accept. */
    static Arbitrary<String> validNames() {
        return Arbitraries.strings()
                .withChars(NAME_CHARS)
                .ofMinLength(1)
                .ofMaxLength(64)
                .filter(name -> !EventRules.RESERVED_NAMES.contains(name));
    }

    static Arbitrary<String> epochs() {
        return Arbitraries.strings().withChars("0123456789abcdef").ofLength(16);
    }

    static Arbitrary<String> ids() {
        return Arbitraries.longs()
                .greaterOrEqual(0)
                .flatMap(sequence -> epochs().map(epoch -> Cursor.format(epoch, sequence)));
    }

    /**
     * Well-formed Unicode with the characters that matter on the wire over-represented: every kind
     * of line break, spaces and colons at line starts, NUL, a BOM, supplementary characters, and
     * text that looks like fields.
     */
    static Arbitrary<String> unicodeData() {
        Arbitrary<String> piece =
                Arbitraries.frequencyOf(
                        Tuple.of(6, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(6)),
                        Tuple.of(4, Arbitraries.of("\n", "\r", "\r\n", "\n\r", "\r\r", "\n\n")),
                        Tuple.of(2, Arbitraries.of(" ", "  ", ":", ": ", "\t", "\0", "\uFEFF")),
                        Tuple.of(
                                2,
                                Arbitraries.of(
                                        "event: error",
                                        "id: 1",
                                        "retry: 1",
                                        "data: x",
                                        "\n\nevent: injected\ndata: y\n\n",
                                        "\r\nretry: 1\r\n",
                                        "\rid: evil\r")),
                        Tuple.of(3, bmpWithoutSurrogates()),
                        Tuple.of(2, supplementary()),
                        Tuple.of(1, Arbitraries.of("\u0085", "\u2028", "\u2029", "\u00e9\u0301")));
        return piece.list().ofMaxSize(24).map(TextArbitraries::join);
    }

    /** Any sequence of chars, unpaired surrogates included: not always valid Unicode. */
    static Arbitrary<String> rawChars() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(60),
                unicodeData(),
                Arbitraries.strings().withChars("\ud800\udc00\udbff\udfffa\r\n").ofMaxLength(20));
    }

    private static Arbitrary<String> bmpWithoutSurrogates() {
        return Arbitraries.chars()
                .range('\u0080', '\uffff')
                .filter(c -> !Character.isSurrogate(c))
                .map(String::valueOf);
    }

    private static Arbitrary<String> supplementary() {
        return Arbitraries.integers()
                .between(0x10000, Character.MAX_CODE_POINT)
                .map(Character::toString);
    }

    private static String join(List<String> pieces) {
        return String.join("", pieces);
    }

    /** What a WHATWG parser makes of data: every CRLF, lone CR and lone LF becomes LF. */
    static String normalizeLineBreaks(String data) {
        return data.replace("\r\n", "\n").replace('\r', '\n');
    }
}
