package dev.picket.sensor.proc;

/**
 * The writable layer of a container's root file system. A container root is an overlay mount; its
 * {@code upperdir} (in the super options of {@code /proc/PID/mountinfo}'s line for mount point
 * {@code /}) receives every file created or changed after the container started.
 */
public final class RootOverlay {
    private RootOverlay() {
    }

    /** The upper directory of the root mount, or null when the root is not an overlay. */
    public static String upperDir(String mountinfo) {
        for (String line : mountinfo.split("\n")) {
            String[] f = line.split(" ");
            // id parent major:minor root mountpoint options [optional…] - fstype source superoptions
            if (f.length < 10 || !f[4].equals("/")) continue;
            int dash = 6;
            while (dash < f.length && !f[dash].equals("-")) dash++;
            if (dash + 3 >= f.length || !f[dash + 1].equals("overlay")) continue;
            for (String option : f[dash + 3].split(",")) {
                if (option.startsWith("upperdir=")) return unescape(option.substring("upperdir=".length()));
            }
        }
        return null;
    }

    /** mountinfo writes space, tab, newline and backslash in paths as octal escapes ({@code \040}). */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && isOctal(s, i + 1) && isOctal(s, i + 2) && isOctal(s, i + 3)) {
                out.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7';
    }
}
