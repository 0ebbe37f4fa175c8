package dev.picket.sensor.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** User names for uids from a passwd file (the host's), read once; an unknown uid is reported as its number. */
public final class Users {
    private final Map<Long, String> names = new HashMap<>();

    public Users(Path passwd) {
        try {
            for (String line : Files.readAllLines(passwd)) {
                String[] f = line.split(":");
                if (f.length < 3) continue;
                try {
                    names.putIfAbsent(Long.parseLong(f[2]), f[0]);
                } catch (NumberFormatException e) {
                    // a malformed line names nobody
                }
            }
        } catch (IOException e) {
            // no passwd file: every user is a number
        }
    }

    public String name(long uid) {
        if (uid < 0 || uid == 4294967295L) return null;
        String name = names.get(uid);
        return name != null ? name : Long.toString(uid);
    }
}
