package org.minima.launcher.folder;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What a run records of the machine it ran on, beyond what Java says. */
public final class Host {

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    private Host() {
    }

    /** The processor's model name as Linux reports it, or the architecture Java reports elsewhere. */
    public static String cpuModel() {
        if (Files.isReadable(CPUINFO)) {
            try (Stream<String> lines = Files.lines(CPUINFO)) {
                return lines.filter(line -> line.startsWith("model name")).map(line -> line.split(":", 2)[1].trim())
                        .findFirst().orElse(System.getProperty("os.arch"));
            } catch (IOException e) {
                return System.getProperty("os.arch");
            }
        }
        return System.getProperty("os.arch");
    }

    /** The machine's host name, or "an unnamed host" when it has none that resolves. */
    public static String name() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "an unnamed host";
        }
    }
}
