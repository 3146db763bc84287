package io.querystop.cli;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines read in 8 KiB pieces, keeping at most {@code maxBytes} of a line: a longer line is
 * marked {@link #overflowed()} and the rest of it skipped up to the next newline, so memory stays bounded whatever the
 * input holds. Not thread-safe, except {@link #position()}.
 */
final class Lines {

    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private final byte[] line;
    private int bufferPosition;
    private int bufferLimit;
    private boolean endOfInput;
    private int length;
    private boolean overflowed;
    private boolean terminated;
    private long number;
    private volatile long position;

    Lines(InputStream in, int maxBytes) {
        this.in = in;
        this.line = new byte[maxBytes];
    }

    /** Moves to the next line; {@code false} at the end of the input. */
    boolean next() throws IOException {
        length = 0;
        overflowed = false;
        boolean started = false;
        long consumed = position;
        while (true) {
            if (bufferPosition == bufferLimit) {
                if (endOfInput || !fill()) {
                    position = consumed;
                    if (!started) {
                        return false;
                    }
                    terminated = false; // the last line, without a newline
                    number++;
                    return true;
                }
            }
            started = true;
            int newline = indexOfNewline();
            int end = newline < 0 ? bufferLimit : newline;
            keep(bufferPosition, end);
            consumed += (newline < 0 ? end : end + 1) - bufferPosition;
            bufferPosition = newline < 0 ? bufferLimit : newline + 1;
            if (newline >= 0) {
                position = consumed;
                terminated = true;
                number++;
                return true;
            }
        }
    }

    private boolean fill() throws IOException {
        int read;
        do {
            read = in.read(buffer);
        } while (read == 0);
        if (read < 0) {
            endOfInput = true;
            return false;
        }
        bufferPosition = 0;
        bufferLimit = read;
        return true;
    }

    private int indexOfNewline() {
        for (int i = bufferPosition; i < bufferLimit; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void keep(int from, int to) {
        int room = line.length - length;
        int count = to - from;
        if (count > room) {
            overflowed = true;
            count = room;
        }
        System.arraycopy(buffer, from, line, length, count);
        length += count;
    }

    /** The current line's bytes, without its newline; only the first {@code maxBytes} if it overflowed. */
    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    /** Whether the current line was longer than {@code maxBytes}. */
    boolean overflowed() {
        return overflowed;
    }

    /** Whether the current line ended with a newline (only the input's last line may not). */
    boolean terminated() {
        return terminated;
    }

    /** The current line's number, from 1. */
    long number() {
        return number;
    }

    /** Bytes consumed so far, up to the end of the current line; readable from any thread. */
    long position() {
        return position;
    }
}
