package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resumablesse.testkit.Theories.anyChar;
import static org.resumablesse.testkit.Theories.check;
import static org.resumablesse.testkit.Theories.listOf;
import static org.resumablesse.testkit.Theories.stringOf;
import static org.resumablesse.testkit.Theories.weight;
import static org.resumablesse.testkit.Theories.weighted;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class SessionProperties {

    private SseEngine engine;
    private Client known;

    @BeforeEach
    void startEngine() {
        engine = TestEngines.started(TestEngines.settings().build(), new MutableClock(0));
        known = Client.connect(engine);
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    /** Strict mode: a token the server did not issue is replaced, never adopted. */
    @Test
    void aTokenTheServerDidNotIssueIsNeverAdopted() {
        check(
                300,
                presentedTokens(),
                token -> {
                    Admission admission = engine.admit(token, null, List.of(), null);
                    try {
                        assertThat(admission.newSession()).isTrue();
                        assertThat(admission.token()).isNotEqualTo(token);
                        assertThat(SessionIds.isWellFormedToken(admission.token())).isTrue();
                        assertThat(admission.session().id()).isNotEqualTo(known.sessionId);
                    } finally {
                        engine.cancel(admission);
                        engine.expire();
                    }
                });
    }

    private Gen<String> presentedTokens() {
        String tokenChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        Gen<String> wellFormed = stringOf(tokenChars, 43, 43);
        Gen<String> nearlyKnown =
                listOf(Generate.range(0, 42).zip(Generate.range(1, 63), Pair::of), 1, 3)
                        .map(
                                changes -> {
                                    char[] chars = known.token.toCharArray();
                                    for (Pair<Integer, Integer> change : changes) {
                                        // A shift within the alphabet always changes the char.
                                        int was = tokenChars.indexOf(chars[change._1]);
                                        chars[change._1] =
                                                tokenChars.charAt((was + change._2) % 64);
                                    }
                                    return new String(chars);
                                });
        Gen<String> otherShapes =
                Generate.oneOf(
                        Generate.constant(known.token + "="),
                        Generate.constant(" " + known.token),
                        Generate.constant(known.token.substring(1)),
                        Generate.constant(known.sessionId),
                        Generate.constant(SessionIds.hash(known.token)));
        // The fixed shapes are few and a repeated example is skipped: they get a small weight.
        return weighted(
                weight(12, wellFormed),
                weight(4, nearlyKnown),
                weight(3, stringOf(anyChar(), 0, 100)),
                weight(1, otherShapes));
    }
}
