package dev.picket.server.config;

/** The configuration is wrong; the message names the file, the field and what is wrong. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
