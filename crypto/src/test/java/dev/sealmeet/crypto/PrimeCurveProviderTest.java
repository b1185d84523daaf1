package dev.sealmeet.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.crypto.testing.RemoveProviderListener;
import java.security.Security;
import org.junit.jupiter.api.Test;

/**
 * Which provider serves the P-curves: SunEC on a JDK, BouncyCastle once SunEC is gone (the
 * {@code without-sunec} run of this module's tests, see {@link RemoveProviderListener}).
 */
class PrimeCurveProviderTest {
  @Test
  void pickProvider_onThisRun_isSunEcOrElseBouncyCastle() {
    String removed = System.getProperty(RemoveProviderListener.PROPERTY, "");
    String expected = removed.equals("SunEC") ? "BC" : "SunEC";

    assertThat(PrimeCurve.p256().provider().getName()).isEqualTo(expected);
    assertThat(PrimeCurve.p384().provider().getName()).isEqualTo(expected);
    assertThat(PrimeCurve.p521().provider().getName()).isEqualTo(expected);
  }

  @Test
  void pickProvider_withSunEcRemoved_neverRegistersBouncyCastle() {
    PrimeCurve.p256();

    if (System.getProperty(RemoveProviderListener.PROPERTY, "").equals("SunEC")) {
      assertThat(Security.getProvider("SunEC")).isNull();
    }
    assertThat(Security.getProvider("BC")).isNull();
  }
}
