package dev.picket.sensor.proc;

import dev.picket.sensor.audit.LibC;
import com.sun.jna.LastErrorException;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Whether an executable is part of its container's image. A file in the root overlay's upper
 * directory was written after the container started; overlayfs marks a copied-up image file with
 * the {@code trusted.overlay.origin} attribute, so its absence means the file is new.
 */
public enum Drift {
    /** Not in the upper layer: the image's own file. */
    IMAGE,
    /** In the upper layer without an origin: created in the running container. */
    NEW,
    /** In the upper layer with an origin: an image file changed in the running container. */
    MODIFIED;

    private static final String ORIGIN = "trusted.overlay.origin";

    /**
     * @param hostRoot where the host's root is visible to the sensor ({@code /} on the host,
     *                 {@code /proc/1/root} in a pod with the host's pid namespace)
     * @param upperDir the upper directory as the mount options name it (a host path)
     * @param exe      the executable's path inside the container
     */
    public static Drift of(Path hostRoot, String upperDir, String exe) {
        Path file = hostRoot.resolve(strip(upperDir)).resolve(strip(exe));
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) return IMAGE;
        try {
            LibC.INSTANCE.getxattr(file.toString(), ORIGIN, null, 0);
            return MODIFIED;
        } catch (LastErrorException e) {
            return NEW; // no origin recorded (ENODATA; also what a reader without CAP_SYS_ADMIN is told)
        }
    }

    private static String strip(String absolute) {
        int i = 0;
        while (i < absolute.length() && absolute.charAt(i) == '/') i++;
        return absolute.substring(i);
    }
}
