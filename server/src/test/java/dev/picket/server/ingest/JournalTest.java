package dev.picket.server.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class JournalTest {
    /** Segment ages come from file times, so the journal is given the real clock, shifted where a test needs. */
    private static final Clock NOW = Clock.systemUTC();

    @TempDir
    Path dir;

    private Journal open(long segmentBytes, Clock clock) throws IOException {
        return new Journal(dir, segmentBytes, Duration.ofHours(1), clock);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> bodies(Journal journal) throws Exception {
        List<String> out = new ArrayList<>();
        journal.read(Long.MAX_VALUE, r -> out.add(r.source() + ":" + new String(r.body(), StandardCharsets.UTF_8)));
        return out;
    }

    @Test
    void readsBackWhatWasAppendedInOrderAcrossReopening() throws Exception {
        List<Long> ends = new ArrayList<>();
        try (Journal j = open(1 << 20, NOW)) {
            j.append(Source.AUDIT, bytes("one"), ends::add);
            j.append(Source.RUNTIME, bytes("two"), ends::add);
        }
        try (Journal j = open(1 << 20, NOW)) {
            assertThat(bodies(j)).containsExactly("AUDIT:one", "RUNTIME:two");
            assertThat(j.end()).isEqualTo(ends.get(1));
            assertThat(ends.get(0)).isEqualTo(9 + 3);
        }
    }

    @Test
    void onlyTheServersUserMayReadTheJournal() throws Exception {
        Path journal = dir.resolve("journal");
        new Journal(journal, 1 << 20, Duration.ofHours(1), NOW).close();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journal))).isEqualTo("rwx------");
    }

    @Test
    void readingStopsAtTheOffsetAsked() throws Exception {
        List<Long> ends = new ArrayList<>();
        try (Journal j = open(1 << 20, NOW)) {
            j.append(Source.AUDIT, bytes("one"), ends::add);
            j.append(Source.AUDIT, bytes("two"), ends::add);
            List<String> seen = new ArrayList<>();
            j.read(ends.getFirst(), r -> seen.add(new String(r.body(), StandardCharsets.UTF_8)));
            assertThat(seen).containsExactly("one");
        }
    }

    @Test
    void aTornLastRecordIsCutOffOnOpeningAndAppendingGoesOn() throws Exception {
        long end;
        try (Journal j = open(1 << 20, NOW)) {
            j.append(Source.AUDIT, bytes("kept"), e -> { });
            end = j.end();
        }
        Path segment = segments().getLast();
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.APPEND)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[]{0, 0, 0, 50, 1, 2, 3, 4, 0, 'x', 'y'}));
        }
        try (Journal j = open(1 << 20, NOW)) {
            assertThat(j.end()).isEqualTo(end);
            j.append(Source.RUNTIME, bytes("after"), e -> { });
            assertThat(bodies(j)).containsExactly("AUDIT:kept", "RUNTIME:after");
        }
    }

    @Test
    void aRecordWhoseChecksumFailsEndsTheJournal() throws Exception {
        try (Journal j = open(1 << 20, NOW)) {
            j.append(Source.AUDIT, bytes("good"), e -> { });
            j.append(Source.AUDIT, bytes("flipped"), e -> { });
        }
        Path segment = segments().getLast();
        byte[] all = Files.readAllBytes(segment);
        all[all.length - 1] ^= 1;
        Files.write(segment, all);
        try (Journal j = open(1 << 20, NOW)) {
            assertThat(bodies(j)).containsExactly("AUDIT:good");
        }
    }

    @Test
    void segmentsRollAndProcessedOnesGoOnceOlderThanTheReplayPeriod() throws Exception {
        try (Journal j = open(10, NOW)) {
            for (String s : List.of("a", "b", "c")) j.append(Source.AUDIT, bytes(s), e -> { });
            assertThat(segments()).hasSize(3);
            long afterB = 2 * 10;
            j.processed(afterB);
            assertThat(segments()).as("recent segments are kept for replay").hasSize(3);
            assertThat(j.checkpoint()).isEqualTo(afterB);
        }
        try (Journal j = open(10, Clock.offset(NOW, Duration.ofDays(1)))) {
            j.processed(2 * 10);
            assertThat(bodies(j)).as("segment of c is not processed, b's holds the last checkpoint boundary")
                    .containsExactly("AUDIT:c");
            assertThat(j.checkpoint()).isEqualTo(20);
        }
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".seg")).sorted().toList();
        }
    }
}
