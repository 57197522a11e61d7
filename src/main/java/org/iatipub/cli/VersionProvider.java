package org.iatipub.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest, so it always matches the build. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {
      "iatipub " + (version == null ? "(development build)" : version), "IATI standard 2.03"
    };
  }
}
