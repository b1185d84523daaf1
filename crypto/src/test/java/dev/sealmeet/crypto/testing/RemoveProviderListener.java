package dev.sealmeet.crypto.testing;

import java.security.Security;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Removes the JCE provider named by the system property {@code sealmeet.test.removeProvider}
 * before any test class loads, so that a whole test run shows the library working without it
 * (crypto's {@code without-sunec} surefire execution removes SunEC, so that BouncyCastle must
 * serve the P-curves, as on an Android without Conscrypt's EC). Does nothing without the property.
 */
public final class RemoveProviderListener implements LauncherSessionListener {
  /** The system property naming the provider to remove. */
  public static final String PROPERTY = "sealmeet.test.removeProvider";

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String name = System.getProperty(PROPERTY, "");
    if (name.isEmpty()) {
      return;
    }
    Security.removeProvider(name);
    if (Security.getProvider(name) != null) {
      throw new IllegalStateException("could not remove provider " + name);
    }
  }
}
