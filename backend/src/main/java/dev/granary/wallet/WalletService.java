package dev.granary.wallet;

import dev.granary.address.Address;
import dev.granary.audit.AuditLog;
import dev.granary.audit.Page;
import dev.granary.auth.Actor;
import dev.granary.chain.ChainApi;
import dev.granary.crypto.KeyFormat;
import dev.granary.crypto.KeyType;
import dev.granary.crypto.Signature;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import dev.granary.node.NodeConfig;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The wallet store: keys encrypted at rest in the database (Argon2id-derived key, AES-256-GCM with a
 * nonce per key), the default address, labels, and the record of every signature the node makes.
 *
 * <p>Permissions: reads need READ; creating keys, signing and setting the default need SIGN;
 * import, export, delete, unlock and lock need ADMIN. Every change and every export is audited.
 *
 * <p>CONTRACT: the REST layer, the message service, control wallets and the dashboard code against
 * these signatures.
 */
public final class WalletService {

    WalletService() {
    }

    /** Opens the store; unlocks it when {@code passphrase} is given (a wrong one fails the start). */
    public static WalletService open(Jdbi jdbi, NodeConfig.Wallet config, Optional<String> passphrase, ChainApi chain,
                                     AuditLog audit, Clock clock) {
        return new WalletService();
    }

    public LockState lockState() {
        throw new UnsupportedOperationException("wallet store: not built yet");
    }

    /** ADMIN. Unlocks with the passphrase; on a NEW store, sets it. A wrong passphrase is refused (IllegalArgumentException). */
    public void unlock(Actor actor, String passphrase) {
        throw new UnsupportedOperationException("wallet store: not built yet");
    }

    /** ADMIN. Forgets the derived key: signing fails with {@link WalletLockedException} until unlocked again. */
    public void lock(Actor actor) {
        throw new UnsupportedOperationException("wallet store: not built yet");
    }

    /** READ. Every key with its chain balance, nonce and market escrow; default first, then by creation. */
    public List<WalletEntry> list(Actor actor) {
        throw new UnsupportedOperationException("wallet store: not built yet");
    }

    /** READ. One key by its key address or its f0 address; NotFoundException when not in the store. */
    public WalletEntry get(Actor actor, Address address) {
        throw new UnsupportedOperationException("wallet store: not built yet");
    }

    /** SIGN. A new key; the first key of the store becomes the default. Needs the store unlocked. */
    public WalletEntry create(Actor actor, KeyType type, String label) {
        throw new UnsupportedOperationException("wallet store: not built yet");
    }

    /** ADMIN. Imports a Lotus export; ConflictException when the address is already in the store. */
    public WalletEntry importKey(Actor actor, KeyFormat format, String text, String label) {
        throw new UnsupportedOperationException("wallet store: not built yet");
    }

    /** ADMIN, audited. The key in a Lotus export format: the only way a key leaves the store. */
    public String export(Actor actor, Address address, KeyFormat format) {
        throw new UnsupportedOperationException("wallet store: not built yet");
    }

    /** SIGN. */
    public void setDefault(Actor actor, Address address) {
        throw new UnsupportedOperationException("wallet store: not built yet");
    }

    /** WRITE. */
    public void setLabel(Actor actor, Address address, String label) {
        throw new UnsupportedOperationException("wallet store: not built yet");
    }

    /**
     * ADMIN. Deletes a key; {@code confirmation} must repeat the address. Refused (ConflictException)
     * for the owner or worker of any miner on chain.
     */
    public void delete(Actor actor, Address address, String confirmation) {
        throw new UnsupportedOperationException("wallet store: not built yet");
    }

    public Optional<Address> defaultAddress() {
        throw new UnsupportedOperationException("wallet store: not built yet");
    }

    /** Whether the key of {@code address} (a key address, or an f0 resolved through the chain) is in the store. */
    public boolean has(Address address) {
        throw new UnsupportedOperationException("wallet store: not built yet");
    }

    /** SIGN, recorded. Signs raw bytes (Lotus WalletSign); an f0 address is resolved to its key. */
    public Signature sign(Actor actor, Address address, byte[] data, String reason) {
        throw new UnsupportedOperationException("wallet store: not built yet");
    }

    /** SIGN, recorded with the message CID. Signs a message as Lotus does (the CID bytes) from its From key. */
    public SignedMessage signMessage(Actor actor, Message message, String reason) {
        throw new UnsupportedOperationException("wallet store: not built yet");
    }

    /** Lotus WalletVerify: whether {@code signature} over {@code data} is valid for {@code address}. */
    public boolean verify(Address address, byte[] data, Signature signature) {
        throw new UnsupportedOperationException("wallet store: not built yet");
    }

    /** READ. The signature record, newest first; {@code address} filters when given; cursor as in the audit log. */
    public Page<SignatureRecord> signatures(Actor actor, Optional<Address> address, String before, int limit) {
        throw new UnsupportedOperationException("wallet store: not built yet");
    }
}
