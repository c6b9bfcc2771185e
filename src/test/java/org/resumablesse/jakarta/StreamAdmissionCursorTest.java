package org.resumablesse.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where admission reads the cursor from: the header first, then either query spelling. */
class StreamAdmissionCursorTest {

    private static final String HEADER = "0123456789abcdef-0000000000000000007";
    private static final String OURS = "0123456789abcdef-0000000000000000005";
    private static final String MERCURE = "0123456789abcdef-0000000000000000003";

    @Test
    void readsTheMercureSpellingOfTheQueryParameter() {
        assertThat(StreamAdmission.cursor(request(null, Map.of("lastEventID", MERCURE))))
                .isEqualTo(MERCURE);
    }

    @Test
    void theHeaderWinsOverBothQuerySpellings() {
        StreamRequest request =
                request(HEADER, Map.of("lastEventId", OURS, "lastEventID", MERCURE));

        assertThat(StreamAdmission.cursor(request)).isEqualTo(HEADER);
    }

    @Test
    void ourSpellingWinsOverMercures() {
        StreamRequest request = request(null, Map.of("lastEventId", OURS, "lastEventID", MERCURE));

        assertThat(StreamAdmission.cursor(request)).isEqualTo(OURS);
    }

    @Test
    void aBlankHeaderOrParameterGivesWayToTheNextSource() {
        assertThat(
                        StreamAdmission.cursor(
                                request(" ", Map.of("lastEventId", "", "lastEventID", MERCURE))))
                .isEqualTo(MERCURE);
        assertThat(StreamAdmission.cursor(request("", Map.of()))).isNull();
    }

    private static StreamRequest request(String header, Map<String, String> query) {
        return new StreamRequest() {
            @Override
            public String cookie(String name) {
                return null;
            }

            @Override
            public String header(String name) {
                return name.equals("Last-Event-ID") ? header : null;
            }

            @Override
            public String query(String name) {
                return query.get(name);
            }

            @Override
            public List<String> queryValues(String name) {
                return query.containsKey(name) ? List.of(query.get(name)) : List.of();
            }

            @Override
            public String user() {
                return null;
            }

            @Override
            public String rawPath() {
                return "/sse/events";
            }

            @Override
            public String remoteAddress() {
                return null;
            }

            @Override
            public boolean secure() {
                return false;
            }
        };
    }
}
