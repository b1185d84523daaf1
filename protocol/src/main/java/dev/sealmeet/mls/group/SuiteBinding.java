package dev.sealmeet.mls.group;

import dev.sealmeet.crypto.SuiteDefinition;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetBugException;
import dev.sealmeet.mls.message.Capabilities;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.Extensions;
import dev.sealmeet.mls.message.GroupContextExtensionsProposal;
import dev.sealmeet.mls.message.KeyPackage;
import dev.sealmeet.mls.message.Proposal;
import dev.sealmeet.mls.message.ReInitProposal;
import dev.sealmeet.mls.message.SuiteDefinitionExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds the group's cipher suite definition into the group (Sealmeet spec §1.1, [SM-MLS-12]).
 * IANA's code points 0x0001–0x0007 (RFC 9420 §17.1) mean one suite everywhere; every other code
 * point is a registry's choice, so a group in such a suite carries a {@link
 * SuiteDefinitionExtension} in its GroupContext (and Sealmeet KeyPackages carry one too). A member
 * whose registry maps the code point to another definition refuses the group, the KeyPackage or the
 * Welcome with {@link GroupRule#SUITE_DEFINITION} before it derives a key. Since the extension is in
 * the GroupContext, it also enters every epoch's key schedule (RFC 9420 §8).
 */
final class SuiteBinding {
  private SuiteBinding() {}

  /** Whether {@code codePoint} needs the binding: every code point IANA has not assigned. */
  static boolean needed(int codePoint) {
    return SuiteDefinitionExtension.requiredFor(codePoint);
  }

  /** The definition {@code config}'s registry gives {@code codePoint}, as extension data. */
  static SuiteDefinitionExtension ofRegistry(int codePoint, GroupConfig config)
      throws GroupRuleException {
    SuiteDefinition d = config.suites().definition(codePoint).orElseThrow(() ->
        new GroupRuleException(GroupRule.SUITE_DEFINITION, String.format(
            "this member's registry has no suite at 0x%04x", codePoint)));
    return new SuiteDefinitionExtension(
        codePoint, d.kemId(), d.kdf().hpkeId(), d.aeadId(), d.signatureTlsId());
  }

  /** {@code capabilities}, listing the binding's extension type too where {@code codePoint} needs it. */
  static Capabilities withSupport(Capabilities capabilities, int codePoint) {
    if (!needed(codePoint) || capabilities.extensions().contains(Extensions.SUITE_DEFINITION)) {
      return capabilities;
    }
    List<Integer> types = new ArrayList<>(capabilities.extensions());
    types.add(Extensions.SUITE_DEFINITION);
    return new Capabilities(capabilities.versions(), capabilities.cipherSuites(), types,
        capabilities.proposals(), capabilities.credentials());
  }

  /**
   * The extensions of a KeyPackage or a new group in {@code codePoint}: {@code extensions} with this
   * member's binding added where the code point needs one.
   *
   * @throws GroupRuleException if {@code extensions} already bind the code point differently
   */
  static List<Extension> withBinding(List<Extension> extensions, int codePoint,
      GroupConfig config) throws GroupRuleException {
    if (!needed(codePoint)) {
      return extensions;
    }
    if (Extensions.find(extensions, Extensions.SUITE_DEFINITION).isPresent()) {
      check(extensions, codePoint, config, "the given extensions");
      return extensions;
    }
    List<Extension> out = new ArrayList<>(extensions);
    out.add(ofRegistry(codePoint, config).toExtension());
    return List.copyOf(out);
  }

  /**
   * Checks the binding in a KeyPackage, if it has one, against this member's registry.
   *
   * @throws GroupRuleException if the KeyPackage's author meant another suite by the code point
   */
  static void checkKeyPackage(KeyPackage keyPackage, GroupConfig config)
      throws GroupRuleException {
    check(keyPackage.extensions(), keyPackage.cipherSuite(), config, "the KeyPackage");
  }

  /**
   * Checks the binding among a group's GroupContext extensions, if there is one, against this
   * member's registry. A group without it (one another stack created) is taken at the registry's
   * word.
   *
   * @throws GroupRuleException if the group means another suite by its code point, or the binding
   *     is malformed or names another code point
   */
  static void check(List<Extension> extensions, int codePoint, GroupConfig config, String where)
      throws GroupRuleException {
    Optional<SuiteDefinitionExtension> bound;
    try {
      bound = SuiteDefinitionExtension.in(extensions);
    } catch (DecodeException e) {
      throw new GroupRuleException(GroupRule.SUITE_DEFINITION,
          where + ": the suite definition extension is malformed");
    }
    if (bound.isEmpty()) {
      return;
    }
    SuiteDefinitionExtension own = ofRegistry(codePoint, config);
    if (!own.equals(bound.get())) {
      throw new GroupRuleException(GroupRule.SUITE_DEFINITION, where + " binds " + bound.get()
          + ", but this member's registry has " + own);
    }
  }

  /**
   * {@code proposal} as this member sends it: a GroupContextExtensions proposal keeps the group's
   * binding when its list lacks one, and a ReInit into a suite that needs a binding carries this
   * member's registry definition of that suite when its list lacks one. Every other proposal, and
   * every list that already has a binding, is returned as it is (receivers judge it with {@link
   * #checkKept} and at the join).
   */
  static Proposal carried(Proposal proposal, List<Extension> groupExtensions, GroupConfig config) {
    if (proposal instanceof GroupContextExtensionsProposal gce) {
      Optional<Extension> bound = Extensions.find(groupExtensions, Extensions.SUITE_DEFINITION);
      if (bound.isPresent()
          && Extensions.find(gce.extensions(), Extensions.SUITE_DEFINITION).isEmpty()) {
        List<Extension> out = new ArrayList<>(gce.extensions());
        out.add(bound.get());
        return new GroupContextExtensionsProposal(out);
      }
    } else if (proposal instanceof ReInitProposal reInit && needed(reInit.cipherSuite())
        && Extensions.find(reInit.extensions(), Extensions.SUITE_DEFINITION).isEmpty()
        && config.suites().definition(reInit.cipherSuite()).isPresent()) {
      try {
        List<Extension> out = new ArrayList<>(reInit.extensions());
        out.add(ofRegistry(reInit.cipherSuite(), config).toExtension());
        return new ReInitProposal(
            reInit.groupId(), reInit.version(), reInit.cipherSuite(), out);
      } catch (GroupRuleException e) {
        throw new SealmeetBugException("the registry holds the suite, checked above", e);
      }
    }
    return proposal;
  }

  /**
   * Checks that a GroupContextExtensions proposal keeps the binding exactly as it is: a binding
   * may be neither dropped, changed nor added to a group that has none.
   *
   * @throws GroupRuleException if {@code after} differs from {@code before} in the binding
   */
  static void checkKept(List<Extension> before, List<Extension> after) throws GroupRuleException {
    Optional<Extension> was = Extensions.find(before, Extensions.SUITE_DEFINITION);
    Optional<Extension> is = Extensions.find(after, Extensions.SUITE_DEFINITION);
    boolean same = was.isPresent() == is.isPresent() && (was.isEmpty()
        || java.util.Arrays.equals(was.get().extensionData(), is.get().extensionData()));
    if (!same) {
      throw new GroupRuleException(GroupRule.SUITE_DEFINITION,
          "a GroupContextExtensions proposal changes the group's suite definition extension");
    }
  }
}
