package dev.picket.io.decode;

/**
 * What reading one input produced.
 *
 * @param format  the format the input was read as; null when it was not recognised
 * @param events  events handed on
 * @param skipped valid records that carry nothing to detect on (another program's syslog line or journal
 *                entry, a process exit, an alert of a Falco plugin source)
 * @param errors  decode errors reported
 */
public record ReadSummary(InputFormat format, long events, long skipped, long errors) {
}
