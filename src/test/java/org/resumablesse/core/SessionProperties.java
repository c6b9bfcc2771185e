package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

class SessionProperties {

    private SseEngine engine;
    private Client known;

    @BeforeProperty
    void startEngine() {
        engine = TestEngines.started(TestEngines.settings().build(), new MutableClock(0));
        known = Client.connect(engine);
    }

    @AfterProperty
    void closeEngine() {
        engine.close();
    }

    /** Strict mode: a token the server did not issue is replaced, never adopted. */
    @Property(tries = 300)
    void aTokenTheServerDidNotIssueIsNeverAdopted(@ForAll("presentedTokens") String token) {
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
    }

    @Provide
    Arbitrary<String> presentedTokens() {
        Arbitrary<String> wellFormed =
                Arbitraries.strings()
                        .withChars(
                                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
                        .ofLength(43);
        Arbitrary<String> nearlyKnown =
                Arbitraries.integers()
                        .between(0, 42)
                        .map(
                                at -> {
                                    char[] chars = known.token.toCharArray();
                                    chars[at] = chars[at] == 'A' ? 'B' : 'A';
                                    return new String(chars);
                                });
        Arbitrary<String> otherShapes =
                Arbitraries.oneOf(
                        Arbitraries.strings().all().ofMaxLength(100),
                        Arbitraries.just(known.token + "="),
                        Arbitraries.just(" " + known.token),
                        Arbitraries.just(known.token.substring(1)),
                        Arbitraries.just(known.sessionId),
                        Arbitraries.just(SessionIds.hash(known.token)));
        return Arbitraries.oneOf(wellFormed, nearlyKnown, otherShapes);
    }
}
