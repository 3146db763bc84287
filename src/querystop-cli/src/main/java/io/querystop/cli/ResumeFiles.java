package io.querystop.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ids that earlier runs finished, read from their outcome lines ({@code --resume}): an id whose outcome was
 * {@code cancelled} or {@code not_running} needs nothing more; {@code failed}, {@code unknown} or no line at all means
 * it must be sent again. Costs memory for each finished id (a {@code HashSet<String>}).
 */
final class ResumeFiles {

    /** Longer than any outcome line the CLI writes; a longer line is not one of them. */
    private static final int MAX_LINE_BYTES = 1 << 20;
    private static final JsonFactory JSON = new JsonFactory();

    private ResumeFiles() {
    }

    /**
     * The finished ids of all the files, or a {@link CliException} (usage) naming the file and line that is not an
     * outcome line. An unterminated last line that does not parse is what a killed run leaves behind: it is ignored,
     * with a warning on {@code warnings}.
     */
    static Set<String> finishedIds(List<String> files, PrintStream warnings) {
        Set<String> finished = new HashSet<>();
        for (String file : files) {
            try (InputStream in = new FileInputStream(file)) {
                read(file, in, finished, warnings);
            } catch (IOException e) {
                throw usage(file + ": cannot read: " + (e.getMessage() == null ? e : e.getMessage()));
            }
        }
        return finished;
    }

    private static void read(String file, InputStream in, Set<String> finished, PrintStream warnings)
        throws IOException {
        Lines lines = new Lines(in, MAX_LINE_BYTES);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        while (lines.next()) {
            String problem = problem(lines, decoder, finished);
            if (problem == null) {
                continue;
            }
            if (!lines.terminated()) {
                warnings.println("querystop: warning: ignoring the unfinished last line " + lines.number() + " of "
                    + file + " (" + problem + "), as an interrupted run leaves it");
                return;
            }
            throw usage(file + " line " + lines.number() + ": not an outcome line of querystop: " + problem);
        }
    }

    /** Adds the line's id when it is finished; returns what is wrong with the line, or {@code null}. */
    private static String problem(Lines lines, CharsetDecoder decoder, Set<String> finished) {
        if (lines.overflowed()) {
            return "longer than " + MAX_LINE_BYTES + " bytes";
        }
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(lines.bytes(), 0, lines.length())).toString();
        } catch (CharacterCodingException e) {
            return "not valid UTF-8";
        }
        if (text.isBlank()) {
            return null;
        }
        String id = null;
        String outcome = null;
        try (JsonParser json = JSON.createParser(text)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return "not a JSON object";
            }
            for (JsonToken token = json.nextToken(); token == JsonToken.FIELD_NAME; token = json.nextToken()) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                if (name.equals("id") || name.equals("outcome")) {
                    if (value != JsonToken.VALUE_STRING) {
                        return "\"" + name + "\" is not a string";
                    }
                    if (name.equals("id")) {
                        id = json.getText();
                    } else {
                        outcome = json.getText();
                    }
                } else {
                    json.skipChildren();
                }
            }
            if (json.currentToken() != JsonToken.END_OBJECT || json.nextToken() != null) {
                return "not one JSON object";
            }
        } catch (IOException e) {
            return "not JSON";
        }
        if (outcome == null) {
            return "no \"outcome\"";
        }
        if (id != null && isFinal(outcome)) {
            finished.add(id);
        }
        return null;
    }

    static boolean isFinal(String outcome) {
        return outcome.equals("cancelled") || outcome.equals("not_running");
    }

    private static CliException usage(String message) {
        return new CliException(CliException.USAGE, "querystop: error: argument --resume: " + message, null);
    }
}
