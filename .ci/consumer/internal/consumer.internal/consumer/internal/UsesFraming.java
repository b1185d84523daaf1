package consumer.internal;

/** mls.framing is internal to dev.sealmeet.protocol: javac must refuse this on the module path. */
public final class UsesFraming {
  static final Class<?> INTERNAL = dev.sealmeet.mls.framing.WelcomeReceiver.class;
}
