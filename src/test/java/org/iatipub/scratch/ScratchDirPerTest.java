package org.iatipub.scratch;

import java.io.IOException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A scratch directory made before each test and removed after it, for the tests of what sorts or
 * stores on disk: {@code @RegisterExtension final ScratchDirPerTest scratch = new ScratchDirPerTest();}
 * then {@code scratch.dir()} in the test.
 */
public final class ScratchDirPerTest implements BeforeEachCallback, AfterEachCallback {
  private ScratchDir dir;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    dir = ScratchDir.create("test");
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (dir != null) {
      dir.close();
      dir = null;
    }
  }

  /** This test's directory. */
  public ScratchDir dir() {
    if (dir == null) {
      throw new IllegalStateException("a scratch directory exists only while a test runs");
    }
    return dir;
  }
}
