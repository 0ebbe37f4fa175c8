package dev.picket.cli;

import dev.picket.io.decode.InputFormat;
import picocli.CommandLine;

import java.util.Arrays;
import java.util.Iterator;

/** {@code --input-format} words, as the io module names its formats. */
final class InputFormatConverter implements CommandLine.ITypeConverter<InputFormat> {
    @Override
    public InputFormat convert(String value) {
        try {
            return InputFormat.byId(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    static final class Candidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(InputFormat.values()).map(InputFormat::id).iterator();
        }
    }
}
