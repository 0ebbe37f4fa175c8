package dev.picket.io.decode;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimesTest {

    @Test
    void theCommonUtcFormReadsAsTheGeneralParserReadsIt() {
        for (String t : List.of("2026-12-01T08:00:00Z", "2026-12-01T08:00:00.014000Z", "2024-02-29T23:59:59.999999999Z",
                "1970-01-01T00:00:00.1Z", "1969-12-31T23:59:59.5Z", "2026-03-10T09:02:00.118402Z")) {
            assertThat(Times.utc(t)).as(t).isEqualTo(Instant.parse(t));
        }
    }

    @Test
    void anythingElseIsLeftToTheGeneralParser() {
        for (String t : List.of("2026-12-01T08:00:00+01:00", "2026-02-30T08:00:00Z", "2026-13-01T08:00:00Z",
                "2026-12-01T24:00:00Z", "2026-12-01t08:00:00z", "2026-12-01T08:00:00.Z", "2026-12-01T08:00:00.1234567890Z",
                "2026-12-01T08:00:0xZ", "+12026-12-01T08:00:00Z", "2026-12-01 08:00:00Z")) {
            assertThat(Times.utc(t)).as(t).isNull();
        }
    }
}
