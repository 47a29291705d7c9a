package org.minima.launcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profiles as users write them: comments, continuations, mistakes. */
class ProfileTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] content) throws Exception {
        Path file = dir.resolve(name + ".properties");
        Files.write(file, content);
        return file;
    }

    private Path write(String name, String content) throws Exception {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsKeysWithTheLineTheyComeFrom() throws Exception {
        Path file = write("p", """
                # a comment
                steps = 1, \\
                        2
                ! another comment

                model.width: 5
                data.rule B3/S23
                """);
        Profile profile = Profile.load(file, Map.of("train.batches", "10"));
        assertEquals("p", profile.name());
        assertEquals(Map.of("steps", "1, 2", "model.width", "5", "data.rule", "B3/S23", "train.batches", "10"),
                profile.values());
        assertEquals(file + ":2", profile.originOf("steps"));
        assertEquals(file + ":6", profile.originOf("model.width"));
        assertEquals("--set train.batches=10", profile.originOf("train.batches"));
        assertEquals("default", profile.originOf("model"));
    }

    @Test
    void aKeySetTwiceIsAnErrorNamingBothLines() throws Exception {
        Path file = write("twice", "steps = 1\nmodel.width = 1\n  steps=2\n");
        String message = assertThrows(InputError.class, () -> Profile.load(file, Map.of())).getMessage();
        assertTrue(message.contains(file + ":3: key 'steps' is set again; line 1 set it already"), message);
    }

    @Test
    void aFileThatIsNotUtf8NamesTheLineAndTheByte() throws Exception {
        byte[] latin1 = "# fine\nsteps = 1\n# caf\u00e9 in Latin-1\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = write("latin1", latin1);
        String message = assertThrows(InputError.class, () -> Profile.load(file, Map.of())).getMessage();
        assertTrue(message.startsWith(file + ":3: the profile is not valid UTF-8: byte 0xE9 at byte 6"), message);
        assertTrue(message.contains("save the profile as UTF-8"), message);
    }

    @Test
    void utf8WithAByteOrderMarkAndWindowsLineEndsIsRead() throws Exception {
        byte[] text = "steps = 1\r\ndata.rule = B3/S23\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Profile profile = Profile.load(write("bom", withBom), Map.of());
        assertEquals(Map.of("steps", "1", "data.rule", "B3/S23"), profile.values());
    }
}
