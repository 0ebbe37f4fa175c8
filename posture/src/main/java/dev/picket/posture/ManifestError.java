package dev.picket.posture;

/** A manifest document that cannot be judged: {@code file}:{@code line}: {@code reason}. */
public record ManifestError(String file, int line, String reason) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
