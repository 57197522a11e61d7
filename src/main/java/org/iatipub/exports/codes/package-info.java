/**
 * The project's snapshot of the OECD-DAC CRS code lists and the UN CEB's published lists, which the
 * exports check codes against, and {@code iatipub export codes import}, which makes it.
 */
package org.iatipub.exports.codes;
