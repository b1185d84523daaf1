package dev.sealmeet.bench;

import dev.sealmeet.sframe.SframeOptions;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Cipher;

/**
 * The JCE providers the SFrame benchmarks compare, by the name of their {@code provider} parameter:
 * {@code jdk} (the JDK's providers, in the usual order) and {@code accp} (Amazon Corretto Crypto
 * Provider, AWS-LC under the JCE), which is loaded by reflection and only if present and its native
 * library loads on this machine.
 */
public final class JceProviders {
  /** The JDK's providers. */
  public static final String JDK = "jdk";
  /** Amazon Corretto Crypto Provider. */
  public static final String ACCP = "accp";

  private static final String ACCP_CLASS =
      "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";

  private JceProviders() {}

  /** ACCP if it is on the class path and its native library loaded, else null. */
  public static Provider accp() {
    return accpProblem() == null ? loadAccp() : null;
  }

  /** Why ACCP cannot be used here, or null if it can. */
  public static String accpProblem() {
    try {
      Provider p = loadAccp();
      Object error = p.getClass().getMethod("getLoadingError").invoke(p);
      return error == null ? null : "its native library did not load: " + error;
    } catch (ReflectiveOperationException | LinkageError | IllegalStateException e) {
      return "not on the class path or unusable (" + e + ")";
    }
  }

  /** One line saying whether ACCP is measured, and its version. */
  public static String describe() {
    String problem = accpProblem();
    return problem == null
        ? "Amazon Corretto Crypto Provider " + loadAccp().getVersionStr()
            + " loaded: measured as 'accp' beside the JDK's providers ('jdk')"
        : "Amazon Corretto Crypto Provider not used: " + problem;
  }

  /** {@code jdk}, and {@code accp} when it loads. */
  public static List<String> available() {
    List<String> names = new ArrayList<>(List.of(JDK));
    if (accpProblem() == null) {
      names.add(ACCP);
    }
    return names;
  }

  /** Default SFrame options over the provider named {@code name}. */
  static SframeOptions options(String name) {
    return JDK.equals(name) ? SframeOptions.defaults() : SframeOptions.defaults().withProvider(
        require(name));
  }

  /** A {@link Cipher} for {@code transformation} from the provider named {@code name}. */
  static Cipher cipher(String name, String transformation) throws GeneralSecurityException {
    return JDK.equals(name)
        ? Cipher.getInstance(transformation)
        : Cipher.getInstance(transformation, require(name));
  }

  private static Provider require(String name) {
    if (!ACCP.equals(name)) {
      throw new IllegalArgumentException("unknown provider '" + name + "' (known: jdk, accp)");
    }
    Provider p = accp();
    if (p == null) {
      throw new IllegalStateException("provider 'accp' requested but " + accpProblem());
    }
    return p;
  }

  private static Provider loadAccp() {
    try {
      return (Provider) Class.forName(ACCP_CLASS).getField("INSTANCE").get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e.toString(), e);
    }
  }
}
