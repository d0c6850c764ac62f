package dev.granary.messages;

import dev.granary.address.Address;
import dev.granary.auth.Actor;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import dev.granary.wallet.WalletService;
import java.util.Optional;

/** What the service needs of the wallet store: whose keys it holds, the default, and signing (recorded there). */
interface MessageSigner {

    boolean has(Address address);

    Optional<Address> defaultAddress();

    /** Signs with {@code message.from()}'s key; WalletLockedException when the store is locked. */
    SignedMessage sign(Actor actor, Message message, String reason);

    static MessageSigner of(WalletService wallets) {
        return new MessageSigner() {
            @Override
            public boolean has(Address address) {
                return wallets.has(address);
            }

            @Override
            public Optional<Address> defaultAddress() {
                return wallets.defaultAddress();
            }

            @Override
            public SignedMessage sign(Actor actor, Message message, String reason) {
                return wallets.signMessage(actor, message, reason);
            }
        };
    }
}
