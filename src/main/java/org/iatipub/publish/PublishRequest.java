package org.iatipub.publish;

import java.nio.file.Path;

/**
 * What to publish and how.
 *
 * @param input a directory of CSV files (one set), or of set directories
 * @param mapping a mapping file to use instead of each own-form set's {@code mapping.yaml}, or null
 * @param output the directory the files are published into
 * @param delimiter the CSV cell delimiter
 * @param form the input form, or null to tell it from the header rows
 * @param strict publish nothing at all if anything fails
 */
public record PublishRequest(Path input, Path mapping, Path output, char delimiter, InputForm form, boolean strict) {}
