/**
 * The exports stage: the UN Data Cube tables (CEB data standards II–VI) and the OECD-DAC CRS report
 * of one calendar year, made from published IATI activity files only, and the reconciliation that
 * proves they agree with the files' transactions. {@link org.iatipub.exports.Exports} reads the
 * files once, streaming; {@link org.iatipub.exports.ExportStage} runs it inside a {@code publish}
 * edition; what IATI cannot say comes from {@link org.iatipub.exports.ExportSettings} (crosswalks,
 * rates, CRS defaults) or from iatipub's {@link org.iatipub.exports.Extension} attributes.
 * docs/exports.md is the reference.
 */
package org.iatipub.exports;
