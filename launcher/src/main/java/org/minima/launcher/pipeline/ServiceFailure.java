package org.minima.launcher.pipeline;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A service's own code failed on one model: the message names the service, the model, the exception and the top
 * frames of code outside Java and the launcher (the bundle's own), so a {@code NullPointerException} in a user's
 * probe points at its line. The exception is kept as the cause.
 */
public final class ServiceFailure extends RuntimeException {

    private static final int FRAMES = 3;

    private ServiceFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code service} (for example {@code probe 'edge-loss'}) failed with {@code cause} on model {@code model}. */
    static ServiceFailure of(String service, String model, Throwable cause) {
        String frames = Arrays.stream(cause.getStackTrace()).filter(ServiceFailure::ownCode).limit(FRAMES)
                .map(StackTraceElement::toString).collect(Collectors.joining(" < "));
        return new ServiceFailure(service + " failed on model " + model + ": " + cause
                + (frames.isEmpty() ? "" : " at " + frames), cause);
    }

    private static boolean ownCode(StackTraceElement frame) {
        String type = frame.getClassName();
        return !type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")
                && !type.startsWith("org.minima.launcher.");
    }

    /** What to print of {@code error}: a service failure's message, else the exception itself. */
    public static String describe(Throwable error) {
        return error instanceof ServiceFailure ? error.getMessage() : error.toString();
    }
}
