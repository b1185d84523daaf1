package dev.sealmeet.meeting;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.KeyPackageBundle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A waiting guest's saved state (the {@link StateKey#LOBBY} record): its KeyPackages with their
 * private keys, written before a KeyPackage is published, so a guest that restarts in the lobby
 * can still open the Welcome made for it. Record: {@code uint16 format = 1; opaque
 * bundles<V><V>} (each {@link KeyPackageBundle#exportSecret()}). Emptied once the guest joined.
 */
final class LobbyState {
  private static final int FORMAT = 1;

  private final VersionedRecord record;

  private LobbyState(VersionedRecord record) {
    this.record = record;
  }

  /** The lobby state of {@code client} for {@code meetingId}, or empty without a store. */
  static Optional<LobbyState> of(MeetingClient client, byte[] meetingId) throws StorageException {
    return VersionedRecord.of(client, meetingId, StateKey.LOBBY).map(LobbyState::new);
  }

  /** Writes {@code bundles} as the guest's KeyPackages now. */
  void save(List<KeyPackageBundle> bundles) throws StorageException {
    TlsWriter w = new TlsWriter();
    w.writeUint16(FORMAT);
    List<byte[]> exported = new ArrayList<>();
    bundles.forEach(b -> exported.add(b.exportSecret()));
    w.writeList(exported, TlsWriter::writeOpaque);
    exported.forEach(e -> java.util.Arrays.fill(e, (byte) 0));
    record.write(w.toByteArray());
  }

  /**
   * The KeyPackages saved, newest record only.
   *
   * @throws StorageException if none is saved, or the record is older than the newest written
   * @throws SealmeetException if the record is damaged
   */
  List<KeyPackageBundle> load(MlsSuite suite) throws SealmeetException {
    StateRecord saved = record.readNewest("lobby state", false, "");
    TlsReader r = TlsReader.of(saved.bytes());
    if (r.readUint16() != FORMAT) {
      throw new DecodeException("saved lobby state of an unknown format");
    }
    List<byte[]> exported = r.readList(TlsReader::readOpaque);
    r.finish();
    if (exported.size() > LobbyGuest.MAX_KEY_PACKAGES) {
      throw new DecodeException("saved lobby state holds " + exported.size() + " KeyPackages");
    }
    List<KeyPackageBundle> bundles = new ArrayList<>();
    try {
      for (byte[] e : exported) {
        bundles.add(KeyPackageBundle.importSecret(suite, e));
      }
    } catch (SealmeetException e) {
      bundles.forEach(KeyPackageBundle::close);
      throw e;
    }
    return bundles;
  }
}
