package io.querystop.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The ids of an ids file, one per line, with each line's number: blank lines and {@code #} comments are skipped, spaces
 * and tabs around an id (and a {@code \r} before the newline) are dropped, and a line that cannot be an id (not UTF-8,
 * a control character, too long) comes back with the reason instead of failing the run. Memory is bounded whatever the
 * input: lines are read in pieces and an over-long one is skipped, not kept.
 */
final class IdReader implements Closeable {

    /** The longest id the library accepts in a URL path, in characters (the library's {@code MAX_PATH_ID_LENGTH}). */
    static final int MAX_ID_CHARS = 1024;
    /** Enough for any id of {@link #MAX_ID_CHARS} characters (at most three UTF-8 bytes each) and some blanks. */
    static final int MAX_LINE_BYTES = 4 * MAX_ID_CHARS;

    /** One line that holds an id, or the reason it cannot be one ({@code id} is then {@code null}). */
    record IdLine(long number, String id, String problem) {
    }

    private final Lines lines;
    private final InputStream in;
    private final boolean closeInput;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final CharBuffer chars = CharBuffer.allocate(MAX_LINE_BYTES);

    /** @param closeInput whether {@link #close()} closes {@code in} (not for standard input) */
    IdReader(InputStream in, boolean closeInput) {
        this.lines = new Lines(in, MAX_LINE_BYTES);
        this.in = in;
        this.closeInput = closeInput;
    }

    /** The next line with an id or a problem, or {@code null} at the end of the input. */
    IdLine next() throws IOException {
        while (lines.next()) {
            IdLine line = evaluate();
            if (line != null) {
                return line;
            }
        }
        return null;
    }

    /** Bytes consumed so far; readable from any thread, e.g. by the progress bar. */
    long position() {
        return lines.position();
    }

    private IdLine evaluate() {
        byte[] bytes = lines.bytes();
        int from = 0;
        int to = lines.length();
        if (lines.number() == 1 && to >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
            && (bytes[2] & 0xff) == 0xBF) {
            from = 3; // a byte order mark some editors write
        }
        while (from < to && isBlank(bytes[from])) {
            from++;
        }
        if (from == to || bytes[from] == '#') {
            return null; // a blank line or a comment, however long
        }
        long number = lines.number();
        if (lines.overflowed()) {
            return new IdLine(number, null, "the line is longer than " + MAX_ID_CHARS + " characters, the "
                + "longest id accepted");
        }
        while (to > from && isBlank(bytes[to - 1])) {
            to--;
        }
        decoder.reset();
        chars.clear();
        ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
        CoderResult result = decoder.decode(in, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            return new IdLine(number, null, "the line is not valid UTF-8 (byte " + (in.position() + 1)
                + " of the line is 0x" + String.format(Locale.ROOT, "%02X", bytes[in.position()] & 0xff) + ")");
        }
        chars.flip();
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (Character.isISOControl(c)) {
                return new IdLine(number, null, String.format(Locale.ROOT,
                    "the id contains the control character U+%04X at character %d", (int) c, i + 1));
            }
        }
        if (chars.length() > MAX_ID_CHARS) {
            return new IdLine(number, null, "the id is " + chars.length() + " characters long, more than the "
                + MAX_ID_CHARS + " accepted");
        }
        return new IdLine(number, chars.toString(), null);
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }

    @Override
    public void close() throws IOException {
        if (closeInput) {
            in.close();
        }
    }
}
