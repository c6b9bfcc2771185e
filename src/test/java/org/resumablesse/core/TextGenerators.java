package org.resumablesse.core;

import static org.resumablesse.testkit.Theories.anyChar;
import static org.resumablesse.testkit.Theories.anyOf;
import static org.resumablesse.testkit.Theories.listOf;
import static org.resumablesse.testkit.Theories.stringOf;
import static org.resumablesse.testkit.Theories.weight;
import static org.resumablesse.testkit.Theories.weighted;

import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Generators for the text that crosses the encoder: names, ids, and data of any Unicode. */
final class TextGenerators {

    static final String NAME_CHARS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:-";

    private TextGenerators() {}

    /** Names the rules accept. */
    static Gen<String> validNames() {
        return stringOf(NAME_CHARS, 1, 64)
                .assuming(name -> !EventRules.RESERVED_NAMES.contains(name));
    }

    static Gen<String> epochs() {
        return stringOf("0123456789abcdef", 16, 16);
    }

    /** Sequences from zero up, with the ends of the range as likely as any other value. */
    static Gen<Long> sequences() {
        return weighted(
                weight(8, Generate.longRange(0, Long.MAX_VALUE)),
                weight(1, Generate.longRange(0, 1000)),
                weight(1, anyOf(0L, 1L, Long.MAX_VALUE - 1, Long.MAX_VALUE)));
    }

    static Gen<String> ids() {
        return epochs().zip(sequences(), Cursor::format);
    }

    /**
     * Well-formed Unicode with the characters that matter on the wire over-represented: every kind
     * of line break, spaces and colons at line starts, NUL, a BOM, supplementary characters, and
     * text that looks like fields.
     */
    static Gen<String> unicodeData() {
        Gen<String> piece =
                weighted(
                        weight(6, stringOf(Generate.characters(' ', '~'), 0, 6)),
                        weight(4, anyOf("\n", "\r", "\r\n", "\n\r", "\r\r", "\n\n")),
                        weight(2, anyOf(" ", "  ", ":", ": ", "\t", "\0", "\uFEFF")),
                        weight(
                                2,
                                anyOf(
                                        "event: error",
                                        "id: 1",
                                        "retry: 1",
                                        "data: x",
                                        "\n\nevent: injected\ndata: y\n\n",
                                        "\r\nretry: 1\r\n",
                                        "\rid: evil\r")),
                        weight(3, bmpWithoutSurrogates()),
                        weight(2, supplementary()),
                        weight(1, anyOf("\u0085", "\u2028", "\u2029", "\u00e9\u0301")));
        return listOf(piece, 0, 24).map(pieces -> String.join("", pieces));
    }

    /** Any sequence of chars, unpaired surrogates included: not always valid Unicode. */
    static Gen<String> rawChars() {
        return Generate.oneOf(
                stringOf(anyChar(), 0, 60),
                unicodeData(),
                stringOf("\ud800\udc00\udbff\udfffa\r\n", 0, 20));
    }

    /** One char from U+0080 to U+FFFF that is not a surrogate. */
    private static Gen<String> bmpWithoutSurrogates() {
        int surrogates = Character.MAX_SURROGATE - Character.MIN_SURROGATE + 1;
        return Generate.range(0x80, 0xFFFF - surrogates)
                .map(c -> c < Character.MIN_SURROGATE ? c : c + surrogates)
                .map(Character::toString);
    }

    private static Gen<String> supplementary() {
        return Generate.range(0x10000, Character.MAX_CODE_POINT).map(Character::toString);
    }

    /** What a WHATWG parser makes of data: every CRLF, lone CR and lone LF becomes LF. */
    static String normalizeLineBreaks(String data) {
        return data.replace("\r\n", "\n").replace('\r', '\n');
    }
}
