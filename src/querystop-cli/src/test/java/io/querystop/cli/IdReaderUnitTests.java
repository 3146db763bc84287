package io.querystop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdReaderUnitTests {

    private static List<IdReader.IdLine> read(InputStream in) throws IOException {
        List<IdReader.IdLine> lines = new ArrayList<>();
        try (IdReader reader = new IdReader(in, true)) {
            for (IdReader.IdLine line = reader.next(); line != null; line = reader.next()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static List<IdReader.IdLine> read(byte[] bytes) throws IOException {
        return read(new ByteArrayInputStream(bytes));
    }

    private static List<IdReader.IdLine> read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static IdReader.IdLine id(long number, String id) {
        return new IdReader.IdLine(number, id, null);
    }

    @Test
    void idsComeWithTheirLineNumbersWithoutBlanksCommentsOrSurroundingSpace() throws IOException {
        assertThat(read("\uFEFFfirst\n# a comment\n\n  \t\n  second  \r\n\tthird\t\n  # indented comment\nlast"))
            .containsExactly(id(1, "first"), id(5, "second"), id(6, "third"), id(8, "last"));
        assertThat(read("")).isEmpty();
        assertThat(read("\n\n")).isEmpty();
        assertThat(read("a b\n")).as("a space inside is the id's").containsExactly(id(1, "a b"));
    }

    @Test
    void aLineThatIsNotUtf8GetsItsProblemAndTheReadingGoesOn() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("ok-1\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {'b', 'a', 'd', (byte) 0xFF, (byte) 0xFE, '\n'});
        bytes.writeBytes(new byte[] {(byte) 0xC3, '\n'}); // a sequence cut short
        bytes.writeBytes("ok-2\n".getBytes(StandardCharsets.UTF_8));

        List<IdReader.IdLine> lines = read(bytes.toByteArray());

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo(id(1, "ok-1"));
        assertThat(lines.get(1).id()).isNull();
        assertThat(lines.get(1).number()).isEqualTo(2);
        assertThat(lines.get(1).problem()).isEqualTo("the line is not valid UTF-8 (byte 4 of the line is 0xFF)");
        assertThat(lines.get(2).problem()).startsWith("the line is not valid UTF-8 (byte 1");
        assertThat(lines.get(3)).isEqualTo(id(4, "ok-2"));
    }

    @Test
    void controlCharactersInsideAnIdAreRefused() throws IOException {
        List<IdReader.IdLine> lines = read("a\u0000b\nc\u0007\nd\te\nf\u0085g\nok\n");

        assertThat(lines).extracting(IdReader.IdLine::problem).containsExactly(
            "the id contains the control character U+0000 at character 2",
            "the id contains the control character U+0007 at character 2",
            "the id contains the control character U+0009 at character 2",
            "the id contains the control character U+0085 at character 2",
            null);
    }

    @Test
    void anIdMayHave1024CharactersNotMore() throws IOException {
        String longest = "é".repeat(IdReader.MAX_ID_CHARS); // two bytes each
        String tooLong = "x".repeat(IdReader.MAX_ID_CHARS + 1);
        String farTooLong = "y".repeat(IdReader.MAX_LINE_BYTES + 1);

        List<IdReader.IdLine> lines = read(longest + "\n" + tooLong + "\n" + farTooLong + "\nok\n");

        assertThat(lines.get(0)).isEqualTo(id(1, longest));
        assertThat(lines.get(1).problem()).isEqualTo("the id is 1025 characters long, more than the 1024 accepted");
        assertThat(lines.get(2).problem()).isEqualTo("the line is longer than 1024 characters, the longest id "
            + "accepted");
        assertThat(lines.get(3)).isEqualTo(id(4, "ok"));
    }

    @Test
    void aHugeLineGetsItsProblemAndTheNextLineIsRead() throws IOException {
        long huge = 64L << 20; // 64 MiB, never in memory: the stream makes it up as it is read
        InputStream in = new InputStream() {
            private long position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] b, int off, int len) {
                String tail = "\n# after\nnext\n";
                if (position >= huge + tail.length()) {
                    return -1;
                }
                if (position < huge) {
                    int n = (int) Math.min(len, huge - position);
                    Arrays.fill(b, off, off + n, (byte) 'z');
                    position += n;
                    return n;
                }
                b[off] = (byte) tail.charAt((int) (position++ - huge));
                return 1;
            }
        };
        try (IdReader reader = new IdReader(in, true)) {
            IdReader.IdLine first = reader.next();
            assertThat(first.number()).isEqualTo(1);
            assertThat(first.problem()).contains("longer than 1024 characters");
            assertThat(reader.position()).isEqualTo(huge + 1);
            assertThat(reader.next()).isEqualTo(id(3, "next"));
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void aLineKeepsAtMostItsLimitAndMarksTheRestAsOverflow() throws IOException {
        byte[] text = ("12345678901234567890\n" + "x".repeat(100_000) + "\n12\nlast").getBytes(StandardCharsets.UTF_8);
        Lines lines = new Lines(new ByteArrayInputStream(text), 8);

        assertThat(lines.next()).isTrue();
        assertThat(lines.overflowed()).isTrue();
        assertThat(new String(lines.bytes(), 0, lines.length(), StandardCharsets.UTF_8)).isEqualTo("12345678");
        assertThat(lines.next()).isTrue();
        assertThat(lines.overflowed()).isTrue();
        assertThat(lines.length()).isEqualTo(8);
        assertThat(lines.bytes()).as("nothing more kept").hasSize(8);
        assertThat(lines.position()).isEqualTo(21 + 100_001);
        assertThat(lines.next()).isTrue();
        assertThat(lines.overflowed()).isFalse();
        assertThat(lines.terminated()).isTrue();
        assertThat(lines.number()).isEqualTo(3);
        assertThat(lines.next()).isTrue();
        assertThat(lines.terminated()).as("the last line has no newline").isFalse();
        assertThat(new String(lines.bytes(), 0, lines.length(), StandardCharsets.UTF_8)).isEqualTo("last");
        assertThat(lines.next()).isFalse();
        assertThat(lines.position()).isEqualTo(text.length);
    }

    @Test
    void theSameLinesWhateverPiecesTheInputArrivesIn() throws IOException {
        Random random = new Random(11);
        StringBuilder text = new StringBuilder();
        List<IdReader.IdLine> expected = new ArrayList<>();
        for (int number = 1; number <= 3_000; number++) {
            String id = "id-" + number + "-" + "k".repeat(random.nextInt(40)) + (number % 7 == 0 ? "ü€" : "");
            text.append(number % 5 == 0 ? "  " + id + "\r" : id).append('\n');
            expected.add(id(number, id));
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(13)));
            }
        };

        assertThat(read(trickle)).isEqualTo(expected);
        try (IdReader reader = new IdReader(new ByteArrayInputStream(bytes), true)) {
            while (reader.next() != null) {
                // read to the end
            }
            assertThat(reader.position()).isEqualTo(bytes.length);
        }
    }
}
