package dev.granary.ui.wallet;

import dev.granary.ui.security.AsUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.granary.auth.Permission;
import dev.granary.fil.TokenAmount;
import dev.granary.ui.NodeAccess;
import dev.granary.ui.chain.FilAmounts;
import dev.granary.ui.shell.Badge;
import dev.granary.ui.shell.Confirm;
import dev.granary.ui.shell.FieldCard;
import dev.granary.ui.shell.Notices;
import dev.granary.wallet.LockState;
import dev.granary.wallet.WalletEntry;
import java.util.List;

/** The store at a glance: locked or not (with Unlock/Lock for administrators), keys, default, total balance. */
final class StoreCard extends Div {

    private final FieldCard card = new FieldCard("Wallet store", "wallet-store");

    private final Runnable changed;
    private final Button unlock = new Button("Unlock", VaadinIcon.UNLOCK.create());
    private final Button lock = new Button("Lock", VaadinIcon.LOCK.create());
    private LockState state;

    StoreCard(Runnable changed) {
        add(card);
        this.changed = changed;
        unlock.setId("wallet-unlock");
        unlock.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        unlock.addClickListener(e -> new UnlockDialog(state, changed).open());
        lock.setId("wallet-lock");
        lock.addThemeVariants(ButtonVariant.LUMO_SMALL);
        lock.addClickListener(e -> Confirm.ask("Lock the wallet store",
            "The node forgets the key derived from the passphrase. Until an administrator unlocks the store again,"
                + " nothing can be signed: no sends, no control-wallet changes, no replacements and no watermark top-ups."
                + " Balances stay visible.",
            "Lock", () -> {
                if (AsUser.run(actor -> NodeAccess.node().wallets().lock(actor))) {
                    Notices.success("The wallet store is locked.");
                    changed.run();
                }
            }));
    }

    /** Rebuilt only when the state changes, so a poll does not pull the button from under the pointer. */
    void showLock(LockState newState) {
        if (newState == state) {
            return;
        }
        state = newState;
        Span badge = switch (newState) {
            case UNLOCKED -> Badge.of("unlocked", Badge.Tone.GOOD);
            case LOCKED -> Badge.of("locked", Badge.Tone.WARN);
            case NEW -> Badge.of("no passphrase yet", Badge.Tone.WARN);
        };
        badge.setId("wallet-lock-state");
        badge.setTitle(switch (newState) {
            case UNLOCKED -> "The node can sign";
            case LOCKED -> "Balances show, but nothing can be signed until an administrator unlocks the store";
            case NEW -> "The first unlock chooses the passphrase the keys are encrypted with";
        });
        boolean admin = Gate.may(Permission.ADMIN);
        unlock.setText(newState == LockState.NEW ? "Set passphrase" : "Unlock");
        unlock.setVisible(admin && newState != LockState.UNLOCKED);
        lock.setVisible(admin && newState == LockState.UNLOCKED);
        card.components("state", "State", badge, new Span(" "), unlock, lock);
    }

    void showKeys(List<WalletEntry> keys) {
        card.text("keys", "Keys", String.valueOf(keys.size()));
        card.text("default", "Default", keys.stream().filter(WalletEntry::isDefault).findFirst()
            .map(k -> k.address().toString()).orElse("none"));
        TokenAmount total = keys.stream().map(WalletEntry::balance).reduce(TokenAmount.ZERO, TokenAmount::add);
        card.text("total", "Total balance", FilAmounts.readable(total)).setTitle(FilAmounts.exact(total));
    }
}
