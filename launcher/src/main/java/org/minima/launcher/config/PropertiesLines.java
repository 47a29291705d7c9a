package org.minima.launcher.config;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A properties file read entry by entry with the line each starts on, so a problem can name its line. Lines are
 * decoded as strict UTF-8; logical lines (comments, blank lines, backslash continuations) follow
 * {@link Properties#load(java.io.Reader)}, which parses each entry, escapes included.
 */
final class PropertiesLines {

    /**
     * One key and value.
     *
     * @param key   the key, unescaped and trimmed
     * @param value the value, unescaped and trimmed
     * @param line  the line (from 1) its logical line starts on
     */
    record Entry(String key, String value, int line) {
    }

    private PropertiesLines() {
    }

    /** The entries of {@code file} in file order; throws {@link InputError} naming the file and line. */
    static List<Entry> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputError("cannot read profile " + file + ": " + e.getMessage());
        }
        List<String> lines = decode(file, bytes);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String trimmed = lines.get(i).stripLeading();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
                continue;
            }
            int first = i;
            StringBuilder logical = new StringBuilder(lines.get(i));
            while (continues(lines.get(i)) && i + 1 < lines.size()) {
                logical.append('\n').append(lines.get(++i));
            }
            entries.add(parse(file, logical.toString(), first + 1));
        }
        return entries;
    }

    /** Splits at line ends and decodes each line as strict UTF-8. */
    private static List<String> decode(Path file, byte[] bytes) {
        List<String> lines = new ArrayList<>();
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        for (int i = start; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                lines.add(decodeLine(file, lines.size() + 1, ByteBuffer.wrap(bytes, start, end - start)));
                start = i + 1;
            }
        }
        return lines;
    }

    private static String decodeLine(Path file, int line, ByteBuffer bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int lineStart = bytes.position();
        CharBuffer out = CharBuffer.allocate(bytes.remaining());
        CoderResult result = decoder.decode(bytes, out, true);
        if (result.isError()) {
            int column = bytes.position() - lineStart + 1;
            throw new InputError(file + ":" + line + ": the profile is not valid UTF-8: byte "
                    + String.format("0x%02X", bytes.get(bytes.position()) & 0xFF) + " at byte " + column
                    + " of the line does not begin a UTF-8 character (a file saved as Latin-1 or Windows-1252 "
                    + "writes letters such as é as one such byte); save the profile as UTF-8");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** Whether a line ends with an odd number of backslashes: the entry continues on the next line. */
    private static boolean continues(String line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static Entry parse(Path file, String logical, int line) {
        Properties one = new Properties();
        try {
            one.load(new StringReader(logical));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new InputError(file + ":" + line + ": " + e.getMessage());
        }
        String key = one.stringPropertyNames().iterator().next();
        return new Entry(key.trim(), one.getProperty(key).trim(), line);
    }
}
