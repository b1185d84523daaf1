package dev.sealmeet.meeting;

import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.group.GroupRuleException;

/**
 * An envelope {@link Meeting#poll} rejected, as a {@link MeetingListener} and the log are told:
 * where it was in the log, and which rule it broke; never its bytes.
 *
 * @param sequence the envelope's sequence number in the delivery service's log
 * @param epoch this member's epoch when it rejected the envelope
 * @param rule the rule broken: a {@link MeetingRule} or {@link
 *     dev.sealmeet.mls.group.GroupRule} name, the RFC section of another protocol rule (e.g.
 *     {@code "RFC 9420 §12.4.3.1"}), or the exception's {@link SealmeetException.Reason}
 * @param type the exception's simple class name
 * @param message the exception's message (data only, never a secret)
 */
public record Rejection(long sequence, long epoch, String rule, String type, String message) {
  /** The rejection of the envelope at {@code sequence} for {@code e}. */
  static Rejection of(long sequence, long epoch, SealmeetException e) {
    return new Rejection(sequence, epoch, ruleOf(e), e.getClass().getSimpleName(),
        String.valueOf(e.getMessage()));
  }

  /** The rule {@code e} names, as {@link #rule} describes it. */
  static String ruleOf(SealmeetException e) {
    if (e instanceof MeetingRuleException rule) {
      return rule.rule().name();
    }
    if (e instanceof GroupRuleException group) {
      return group.rule().name();
    }
    if (e instanceof ProtocolException protocol) {
      return protocol.section();
    }
    return e.reason().name();
  }
}
