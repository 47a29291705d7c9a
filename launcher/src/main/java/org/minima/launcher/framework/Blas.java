package org.minima.launcher.framework;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.minima.launcher.config.InputError;
import org.minima.launcher.config.Profile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which BLAS ND4J runs on, chosen by key {@code run.blas} before ND4J loads: {@code mkl} (Intel MKL through JavaCPP's
 * OpenBLAS preset, {@code org.bytedeco.openblas.load=mkl_rt}), {@code openblas}, or {@code auto}: MKL where its
 * libraries are on the class path of a Linux x86-64 machine, OpenBLAS otherwise. MKL trained Minima's networks
 * 1.4 to 2 times faster than OpenBLAS on both an AMD EPYC and an Intel Xeon (docs/PERFORMANCE.md), so the rule needs
 * no vendor test. What is in use is read from the process itself (the shared library mapped into it), never assumed
 * from the property. Either way every operation runs on one BLAS thread ({@link Nd4jThreads}).
 */
public final class Blas {

    /** The key. */
    public static final String KEY = "run.blas";
    /** Its values. */
    public static final List<String> CHOICES = List.of("auto", "mkl", "openblas");
    private static final Logger LOG = LoggerFactory.getLogger(Blas.class);
    private static final String LOAD_PROPERTY = "org.bytedeco.openblas.load";
    /** Where org.bytedeco:mkl's redist jar keeps the library JavaCPP loads. */
    private static final String MKL_LIBRARY = "org/bytedeco/mkl/linux-x86_64/libmkl_rt.so.2";

    private Blas() {
    }

    /**
     * Chooses the BLAS the profile asks for, loads ND4J on it with one thread per operation, and checks that the
     * library in use is the one chosen.
     *
     * @return {@code mkl} or {@code openblas}, as read from the process
     * @throws InputError when the value is not allowed, or MKL was asked for and cannot be loaded
     */
    public static String select(Profile profile) {
        String requested = profile.values().getOrDefault(KEY, "auto").trim();
        if (!CHOICES.contains(requested)) {
            throw new InputError(profile.originOf(KEY) + ": key '" + KEY + "' is '" + requested + "'; allowed: "
                    + String.join(", ", CHOICES));
        }
        boolean mkl = requested.equals("mkl") || requested.equals("auto") && mklAvailable();
        if (requested.equals("mkl") && !mklAvailable()) {
            throw new InputError(profile.originOf(KEY) + ": key '" + KEY + "' is 'mkl', but MKL cannot be loaded "
                    + "here: " + (onLinuxX86() ? "its library (org.bytedeco:mkl, linux-x86_64-redist) is not on the class path"
                    : "it is built for Linux x86-64 only") + "; use openblas or auto");
        }
        if (mkl) {
            System.setProperty(LOAD_PROPERTY, "mkl_rt");
        }
        try {
            Nd4jThreads.useOne();
        } catch (RuntimeException | LinkageError e) {
            throw new InputError(profile.originOf(KEY) + ": key '" + KEY + "' is '" + requested + "': ND4J could "
                    + "not load " + (mkl ? "MKL" : "OpenBLAS") + ": " + e);
        }
        String inUse = inUse();
        if (mkl && !inUse.equals("mkl")) {
            throw new InputError(profile.originOf(KEY) + ": key '" + KEY + "' is '" + requested + "', but the "
                    + "library loaded is " + inUse);
        }
        LOG.info("BLAS: {} ({} = {})", inUse, KEY, requested);
        return inUse;
    }

    /** The BLAS mapped into this process: {@code mkl}, {@code openblas}, or {@code unknown}. */
    public static String inUse() {
        try {
            String maps = Files.readString(Path.of("/proc/self/maps"));
            if (maps.contains("libmkl_rt")) {
                return "mkl";
            }
            return maps.contains("libopenblas") ? "openblas" : "unknown";
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static boolean mklAvailable() {
        if (!onLinuxX86()) {
            return false;
        }
        return Blas.class.getClassLoader().getResource(MKL_LIBRARY) != null;
    }

    private static boolean onLinuxX86() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
                && (arch.equals("amd64") || arch.equals("x86_64"));
    }
}
