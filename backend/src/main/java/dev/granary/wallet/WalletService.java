package dev.granary.wallet;

import dev.granary.address.Address;
import dev.granary.address.Protocol;
import dev.granary.audit.AuditLog;
import dev.granary.audit.Outcome;
import dev.granary.audit.Page;
import dev.granary.auth.Actor;
import dev.granary.auth.Permission;
import dev.granary.chain.ChainApi;
import dev.granary.chain.genesis.ChainKeyFiles;
import dev.granary.chain.types.TipSetKey;
import dev.granary.crypto.KeyFormat;
import dev.granary.crypto.KeyType;
import dev.granary.crypto.PrivateKey;
import dev.granary.crypto.Signature;
import dev.granary.errors.ConflictException;
import dev.granary.errors.NotFoundException;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import dev.granary.node.NodeConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    /** The label the devnet's funded genesis key gets when the store adopts it. */
    public static final String FUNDED_KEY_LABEL = "devnet funded (genesis)";
    public static final String PASSPHRASE_ENV = StartPassphrase.ENV;
    static final int MIN_NEW_PASSPHRASE_LENGTH = 8;
    static final int MAX_LABEL_LENGTH = 100;
    static final int MAX_SIGNATURE_PAGE = 500;
    private static final Logger log = LoggerFactory.getLogger(WalletService.class);
    private static final byte[] VERIFIER = "granary wallet store verifier v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VERIFIER_AAD = "granary-wallet-verifier-v1".getBytes(StandardCharsets.US_ASCII);
    private static final String UNLOCK_HOW = "dashboard Wallets → Unlock, POST /api/v1/wallets/unlock, or "
        + PASSPHRASE_ENV + " at start";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WalletRows rows;
    private final ChainApi chain;
    private final AuditLog audit;
    private final Clock clock;
    private final Object unlocking = new Object();
    /** The derived key while unlocked; null while locked (or new). */
    private volatile StoreKey storeKey;
    private volatile Path chainKeysHome;

    private WalletService(WalletRows rows, ChainApi chain, AuditLog audit, Clock clock) {
        this.rows = rows;
        this.chain = chain;
        this.audit = audit;
        this.clock = clock;
    }

    /** Opens the store; unlocks it when {@code passphrase} is given (a wrong one fails the start). */
    public static WalletService open(Jdbi jdbi, NodeConfig.Wallet config, Optional<String> passphrase, ChainApi chain,
                                     AuditLog audit, Clock clock) {
        return open(jdbi, config, passphrase, System::getenv, chain, audit, clock);
    }

    /** As {@link #open(Jdbi, NodeConfig.Wallet, Optional, ChainApi, AuditLog, Clock)}, with the environment given. */
    static WalletService open(Jdbi jdbi, NodeConfig.Wallet config, Optional<String> passphrase,
                              Function<String, String> environment, ChainApi chain, AuditLog audit, Clock clock) {
        WalletService wallets = new WalletService(new WalletRows(jdbi), chain, audit, clock);
        Optional<StartPassphrase> start = StartPassphrase.find(passphrase, environment, config.passphraseFile());
        if (start.isEmpty()) {
            log.info("wallet store is {}: no passphrase at start ({}, wallet.passphrase-file); unlock it with {}",
                wallets.lockState() == LockState.NEW ? "new (no passphrase chosen yet)" : "locked", PASSPHRASE_ENV,
                UNLOCK_HOW);
            return wallets;
        }
        try {
            wallets.unlockWith(Actor.system(), start.get().passphrase(), "at start from " + start.get().source());
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().startsWith("wrong wallet passphrase")) {
                throw new IllegalStateException("wallet store: the passphrase from " + start.get().source()
                    + " cannot be used: " + e.getMessage(), e);
            }
            throw new IllegalStateException("wallet store: the passphrase from " + start.get().source()
                + " is wrong (it does not open this node's wallet store); correct it, or remove it to start with the"
                + " store locked and unlock it later", e);
        }
        return wallets;
    }

    /**
     * The passphrase in the first line of {@code file} (as wallet.passphrase-file reads it), for
     * `granary run --wallet-passphrase-file`; warns when other users may read the file.
     */
    public static String passphraseFromFile(Path file) {
        return StartPassphrase.readFile(file);
    }

    /**
     * Lets the store adopt the devnet's funded genesis key ({@code <home>/chain/keys/funded.key}): whenever
     * the store is unlocked and does not hold that key, it is imported with the label
     * {@value #FUNDED_KEY_LABEL} (and becomes the default if there is none). The file stays where it is.
     */
    public void adoptChainKeys(Path homeRoot) {
        this.chainKeysHome = homeRoot;
        adoptFundedKey();
    }

    public LockState lockState() {
        if (storeKey != null) {
            return LockState.UNLOCKED;
        }
        return rows.header().isPresent() ? LockState.LOCKED : LockState.NEW;
    }

    /** ADMIN. Unlocks with the passphrase; on a NEW store, sets it. A wrong passphrase is refused (IllegalArgumentException). */
    public void unlock(Actor actor, String passphrase) {
        actor.require(Permission.ADMIN, "unlocking the wallet store");
        unlockWith(actor, passphrase, "");
    }

    private void unlockWith(Actor actor, String passphrase, String how) {
        if (passphrase == null || passphrase.isEmpty()) {
            throw new IllegalArgumentException("unlocking the wallet store: the passphrase is empty");
        }
        boolean created;
        synchronized (unlocking) {
            Optional<WalletRows.Header> header = rows.header();
            StoreKey candidate;
            if (header.isEmpty()) {
                candidate = choosePassphrase(passphrase);
                created = candidate != null;
                if (candidate == null) { // another unlock set it first: check against that one
                    candidate = checked(actor, passphrase, rows.header().orElseThrow(), how);
                }
            } else {
                created = false;
                candidate = checked(actor, passphrase, header.get(), how);
            }
            StoreKey previous = storeKey;
            storeKey = candidate;
            if (previous != null) {
                previous.destroy();
            }
        }
        String detail = (created ? "passphrase chosen; " : "") + (how.isEmpty() ? "" : how);
        audit.record(actor, created ? "wallet set-passphrase" : "wallet unlock", "wallet store", Outcome.SUCCESS, detail);
        log.info("wallet store unlocked{}{}", created ? " with its new passphrase" : "", how.isEmpty() ? "" : " " + how);
        adoptFundedKey();
    }

    /** The first passphrase of a NEW store; null when another caller wrote the header first. */
    private StoreKey choosePassphrase(String passphrase) {
        if (passphrase.length() < MIN_NEW_PASSPHRASE_LENGTH) {
            throw new IllegalArgumentException("choosing the wallet passphrase: it must have at least "
                + MIN_NEW_PASSPHRASE_LENGTH + " characters (a long phrase is best; it protects every key)");
        }
        StoreKey.KdfParams kdf = StoreKey.KdfParams.fresh();
        StoreKey key = StoreKey.derive(passphrase, kdf);
        StoreKey.Sealed verifier = key.seal(VERIFIER, VERIFIER_AAD);
        if (rows.insertHeader(new WalletRows.Header(kdf, verifier), clock.instant())) {
            return key;
        }
        key.destroy();
        return null;
    }

    private StoreKey checked(Actor actor, String passphrase, WalletRows.Header header, String how) {
        StoreKey candidate = StoreKey.derive(passphrase, header.kdf());
        try {
            byte[] plain = candidate.open(header.verifier(), VERIFIER_AAD);
            if (!MessageDigest.isEqual(plain, VERIFIER)) {
                throw new StoreKey.WrongKeyException();
            }
            return candidate;
        } catch (StoreKey.WrongKeyException e) {
            candidate.destroy();
            audit.record(actor, "wallet unlock", "wallet store", Outcome.FAILED, "wrong passphrase" + (how.isEmpty() ? "" : " " + how));
            log.warn("wallet store: a wrong passphrase was refused{}", how.isEmpty() ? "" : " " + how);
            throw new IllegalArgumentException("wrong wallet passphrase: it does not open this node's wallet store (the store stays "
                + (storeKey == null ? "locked" : "unlocked") + ")");
        }
    }

    /** ADMIN. Forgets the derived key: signing fails with {@link WalletLockedException} until unlocked again. */
    public void lock(Actor actor) {
        actor.require(Permission.ADMIN, "locking the wallet store");
        synchronized (unlocking) {
            StoreKey previous = storeKey;
            storeKey = null;
            if (previous != null) {
                previous.destroy();
            }
        }
        audit.record(actor, "wallet lock", "wallet store", Outcome.SUCCESS, "");
        log.info("wallet store locked");
    }

    /** READ. Every key with its chain balance, nonce and market escrow; default first, then by creation. */
    public List<WalletEntry> list(Actor actor) {
        actor.require(Permission.READ, "listing wallets");
        return rows.keys().stream().map(this::entry).toList();
    }

    /** READ. One key by its key address or its f0 address; NotFoundException when not in the store. */
    public WalletEntry get(Actor actor, Address address) {
        actor.require(Permission.READ, "reading wallet " + address);
        return entry(row(address));
    }

    /** SIGN. A new key; the first key of the store becomes the default. Needs the store unlocked. */
    public WalletEntry create(Actor actor, KeyType type, String label) {
        actor.require(Permission.SIGN, "creating a wallet key");
        String clean = label(label);
        StoreKey key = unlockedKey("creating a " + type.lotusName() + " key");
        PrivateKey created = PrivateKey.generate(type, RANDOM);
        WalletRows.KeyRow row = store(key, created, clean);
        audit.record(actor, "wallet create", created.address().toString(), Outcome.SUCCESS,
            type.lotusName() + (clean.isEmpty() ? "" : ", label '" + clean + "'"));
        log.info("wallet store: new {} key {}", type.lotusName(), created.address());
        return entry(row);
    }

    /** ADMIN. Imports a Lotus export; ConflictException when the address is already in the store. */
    public WalletEntry importKey(Actor actor, KeyFormat format, String text, String label) {
        actor.require(Permission.ADMIN, "importing a wallet key");
        String clean = label(label);
        StoreKey key = unlockedKey("importing a key");
        PrivateKey imported;
        try {
            imported = format.importKey(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("importing a key: " + e.getMessage());
        }
        WalletRows.KeyRow row = store(key, imported, clean);
        audit.record(actor, "wallet import", imported.address().toString(), Outcome.SUCCESS,
            format.formatName() + ", " + imported.type().lotusName() + (clean.isEmpty() ? "" : ", label '" + clean + "'"));
        log.info("wallet store: imported {} key {}", imported.type().lotusName(), imported.address());
        return entry(row);
    }

    /** ADMIN, audited. The key in a Lotus export format: the only way a key leaves the store. */
    public String export(Actor actor, Address address, KeyFormat format) {
        actor.require(Permission.ADMIN, "exporting a wallet key");
        WalletRows.KeyRow row = row(address);
        PrivateKey key = decrypt(row, unlockedKey("exporting " + row.address()));
        audit.record(actor, "wallet export", row.address().toString(), Outcome.SUCCESS, "format " + format.formatName());
        log.info("wallet store: key {} exported ({}) by {}", row.address(), format.formatName(),
            actor.principal().actorName());
        return format.export(key);
    }

    /** SIGN. */
    public void setDefault(Actor actor, Address address) {
        actor.require(Permission.SIGN, "setting the default wallet");
        Address key = row(address).address();
        if (!rows.setDefault(key)) {
            throw notInStore(address);
        }
        audit.record(actor, "wallet set-default", key.toString(), Outcome.SUCCESS, "");
    }

    /** WRITE. */
    public void setLabel(Actor actor, Address address, String label) {
        actor.require(Permission.WRITE, "labelling a wallet");
        String clean = label(label);
        Address key = row(address).address();
        if (!rows.setLabel(key, clean)) {
            throw notInStore(address);
        }
        audit.record(actor, "wallet label", key.toString(), Outcome.SUCCESS, "label '" + clean + "'");
    }

    /**
     * ADMIN. Deletes a key; {@code confirmation} must repeat the address. Refused (ConflictException)
     * for the owner or worker of any miner on chain.
     */
    public void delete(Actor actor, Address address, String confirmation) {
        actor.require(Permission.ADMIN, "deleting a wallet key");
        WalletRows.KeyRow row = row(address);
        if (!confirms(confirmation, row.address(), address)) {
            throw new IllegalArgumentException("deleting " + row.address() + ": confirm by repeating the address"
                + " (confirm=" + row.address() + "); the key is gone for good unless you have a backup (export it first)");
        }
        List<String> roles = MinerRoles.of(chain, row.address());
        if (!roles.isEmpty()) {
            throw new ConflictException("deleting " + row.address() + ": refused, it is the " + String.join(", ", roles)
                + "; without this key the miner cannot be controlled. Change the miner's addresses first");
        }
        if (!rows.delete(row.address())) {
            throw notInStore(address);
        }
        audit.record(actor, "wallet delete", row.address().toString(), Outcome.SUCCESS,
            row.type().lotusName() + (row.label().isEmpty() ? "" : ", label '" + row.label() + "'"));
        log.info("wallet store: key {} deleted by {}", row.address(), actor.principal().actorName());
    }

    private static boolean confirms(String confirmation, Address key, Address asked) {
        if (confirmation == null || confirmation.isBlank()) {
            return false;
        }
        try {
            Address typed = Address.parse(confirmation.strip());
            return typed.equals(key) || typed.equals(asked);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public Optional<Address> defaultAddress() {
        return rows.defaultAddress();
    }

    /** Whether the key of {@code address} (a key address, or an f0 resolved through the chain) is in the store. */
    public boolean has(Address address) {
        return keyAddressOf(address).flatMap(rows::key).isPresent();
    }

    /** SIGN, recorded. Signs raw bytes (Lotus WalletSign); an f0 address is resolved to its key. */
    public Signature sign(Actor actor, Address address, byte[] data, String reason) {
        actor.require(Permission.SIGN, "signing with " + address);
        WalletRows.KeyRow row = row(address);
        PrivateKey key = decrypt(row, unlockedKey("signing with " + row.address()));
        Signature signature = key.sign(data);
        rows.recordSignature(clock.instant(), row.address(), Optional.empty(), reason(reason), actor.principal().actorName());
        return signature;
    }

    /** SIGN, recorded with the message CID. Signs a message as Lotus does (the CID bytes) from its From key. */
    public SignedMessage signMessage(Actor actor, Message message, String reason) {
        actor.require(Permission.SIGN, "signing a message from " + message.from());
        WalletRows.KeyRow row = row(message.from());
        PrivateKey key = decrypt(row, unlockedKey("signing with " + row.address()));
        SignedMessage signed = new SignedMessage(message, key.sign(message.cid().bytes()));
        rows.recordSignature(clock.instant(), row.address(), Optional.of(signed.cid().toString()), reason(reason),
            actor.principal().actorName());
        return signed;
    }

    /** Lotus WalletVerify: whether {@code signature} over {@code data} is valid for {@code address}. */
    public boolean verify(Address address, byte[] data, Signature signature) {
        return keyAddressOf(address).map(key -> signature.verify(key, data)).orElse(false);
    }

    /** READ. The signature record, newest first; {@code address} filters when given; cursor as in the audit log. */
    public Page<SignatureRecord> signatures(Actor actor, Optional<Address> address, String before, int limit) {
        actor.require(Permission.READ, "reading the signature record");
        if (limit < 1 || limit > MAX_SIGNATURE_PAGE) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_SIGNATURE_PAGE + ", got " + limit);
        }
        Optional<Long> cursor = Optional.empty();
        if (before != null && !before.isBlank()) {
            try {
                cursor = Optional.of(Long.parseLong(before.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("before must be the nextCursor of an earlier page (a number)");
            }
        }
        Optional<Address> key = address.map(a -> keyAddressOf(a).orElse(a));
        return rows.signatures(key, cursor, limit);
    }

    // --- internals ---

    private WalletEntry entry(WalletRows.KeyRow row) {
        Address a = row.address();
        return new WalletEntry(a, chain.stateLookupId(a, TipSetKey.EMPTY), row.type(), row.label(), row.isDefault(),
            chain.walletBalance(a), chain.mpoolGetNonce(a), chain.stateMarketBalance(a, TipSetKey.EMPTY), row.createdAt());
    }

    /** The row of a key address, or of the account key behind an f0. */
    private WalletRows.KeyRow row(Address address) {
        Address key = keyAddressOf(address).orElseThrow(() -> address.protocol() == Protocol.ID
            ? new NotFoundException(address + " is not an account on chain, so this node's wallet holds no key for it")
            : new IllegalArgumentException(address + " is not a key address: the wallet holds f1 (secp256k1) and f3 (BLS) keys"));
        return rows.key(key).orElseThrow(() -> notInStore(address));
    }

    private Optional<Address> keyAddressOf(Address address) {
        return switch (address.protocol()) {
            case SECP256K1, BLS -> Optional.of(address);
            case ID -> chain.stateAccountKey(address, TipSetKey.EMPTY)
                .filter(a -> a.protocol() == Protocol.SECP256K1 || a.protocol() == Protocol.BLS);
            default -> Optional.empty();
        };
    }

    private static NotFoundException notInStore(Address address) {
        return new NotFoundException(address + " is not in this node's wallet; import its key first "
            + "(POST /api/v1/wallets/import or granary wallet import)");
    }

    /** The store key, or WalletLockedException saying how to unlock before {@code action}. */
    private StoreKey unlockedKey(String action) {
        StoreKey key = storeKey;
        if (key != null) {
            return key;
        }
        if (lockState() == LockState.NEW) {
            throw new WalletLockedException("wallet locked: the wallet store has no passphrase yet; choose one by unlocking it ("
                + UNLOCK_HOW + ") before " + action);
        }
        throw new WalletLockedException("wallet locked: unlock the wallet store (" + UNLOCK_HOW + ") before " + action);
    }

    private WalletRows.KeyRow store(StoreKey storeKey, PrivateKey key, String label) {
        byte[] secret = key.bytes();
        try {
            StoreKey.Sealed sealed = seal(storeKey, secret, key.address(), key.type());
            return rows.insertKey(key.address(), key.type(), label, sealed, clock.instant());
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private StoreKey.Sealed seal(StoreKey storeKey, byte[] secret, Address address, KeyType type) {
        try {
            return storeKey.seal(secret, associatedData(address, type));
        } catch (IllegalStateException e) {
            throw lockedMeanwhile(address);
        }
    }

    private PrivateKey decrypt(WalletRows.KeyRow row, StoreKey storeKey) {
        byte[] secret = null;
        try {
            secret = storeKey.open(row.sealed(), associatedData(row.address(), row.type()));
            PrivateKey key = PrivateKey.of(row.type(), secret);
            if (!key.address().equals(row.address())) {
                throw new IllegalStateException("the stored key of " + row.address() + " belongs to " + key.address()
                    + "; the wallet database was changed: restore it from a backup");
            }
            return key;
        } catch (StoreKey.WrongKeyException e) {
            throw new IllegalStateException("the stored key of " + row.address() + " does not decrypt under the store's key:"
                + " its row was changed or copied from another store; restore the database from a backup");
        } catch (IllegalStateException e) {
            if (this.storeKey == null) {
                throw lockedMeanwhile(row.address());
            }
            throw e;
        } finally {
            if (secret != null) {
                Arrays.fill(secret, (byte) 0);
            }
        }
    }

    private static WalletLockedException lockedMeanwhile(Address address) {
        return new WalletLockedException("wallet locked: the wallet store was locked while using " + address
            + "; unlock it (" + UNLOCK_HOW + ") and try again");
    }

    /** Binds a ciphertext to its row: moving it to another address or type fails authentication. */
    private static byte[] associatedData(Address address, KeyType type) {
        return ("granary-wallet-key-v1\n" + address + "\n" + type.lotusName()).getBytes(StandardCharsets.US_ASCII);
    }

    private void adoptFundedKey() {
        Path home = chainKeysHome;
        StoreKey key = storeKey;
        if (home == null || key == null) {
            return;
        }
        Optional<PrivateKey> funded;
        try {
            funded = new ChainKeyFiles(home).load(ChainKeyFiles.FUNDED);
        } catch (RuntimeException e) {
            log.warn("wallet store: cannot adopt the devnet's funded key: {}", e.getMessage());
            return;
        }
        if (funded.isEmpty() || rows.key(funded.get().address()).isPresent()) {
            return;
        }
        try {
            store(key, funded.get(), FUNDED_KEY_LABEL);
        } catch (ConflictException e) {
            return; // adopted by a concurrent unlock
        }
        audit.record(Actor.system(), "wallet import", funded.get().address().toString(), Outcome.SUCCESS,
            "the devnet's funded genesis key from chain/keys/" + ChainKeyFiles.FUNDED);
        log.info("wallet store: adopted the devnet's funded genesis key {}", funded.get().address());
    }

    private static String label(String label) {
        String clean = label == null ? "" : label.strip();
        if (clean.length() > MAX_LABEL_LENGTH) {
            throw new IllegalArgumentException("a wallet label has at most " + MAX_LABEL_LENGTH + " characters, got "
                + clean.length());
        }
        if (clean.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a wallet label cannot hold control characters (tabs, line breaks)");
        }
        return clean;
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? "unspecified" : reason.strip();
    }

    @Override
    public String toString() {
        return "WalletService[" + lockState() + "]";
    }
}
