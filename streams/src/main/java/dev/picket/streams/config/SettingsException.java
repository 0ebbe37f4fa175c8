package dev.picket.streams.config;

import java.util.List;

/** The configuration file has problems; each is {@code FILE: KEY: what is wrong}. */
public final class SettingsException extends Exception {
    private final List<String> problems;

    public SettingsException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
