package dev.granary.ui.wallet;

import dev.granary.ui.security.AsUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.granary.address.Address;
import dev.granary.auth.Permission;
import dev.granary.chain.types.TipSetKey;
import dev.granary.messages.MessageQuery;
import dev.granary.node.Node;
import dev.granary.ui.NodeAccess;
import dev.granary.ui.security.LivePolling;
import dev.granary.ui.security.RequiresPermission;
import dev.granary.ui.shell.MainLayout;
import dev.granary.ui.shell.PollProblem;
import dev.granary.ui.shell.Notices;
import dev.granary.wallet.LockState;
import dev.granary.wallet.WalletEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wallet store: whether it can sign, its keys with balances, nonces and market escrow, and the
 * messages the node sent from them. Keys are created, sent from, imported, exported and deleted here,
 * each action shown only to roles that may use it (the services check again). The page follows the
 * chain: balances, nonces and message states are read again at every new head.
 */
@Route(value = "wallets", layout = MainLayout.class)
@PageTitle("Wallets")
@RequiresPermission(Permission.READ)
public class WalletsView extends VerticalLayout {

    static final int REFRESH_MILLIS = 2000;
    static final int RECENT_MESSAGES = 50;

    private static final Logger log = LoggerFactory.getLogger(WalletsView.class);

    private final PollProblem problem = new PollProblem("wallets-problem", log, "The wallet could not be read completely",
        "The page tries again at the next block; the node's log has the details.");
    private final StoreCard store = new StoreCard(this::reload);
    private final KeyGrid keys = new KeyGrid(this::reload, key -> openSend(Optional.of(key.address())));
    private final OutgoingMessagesTable messages = new OutgoingMessagesTable(this::reload);
    private List<WalletEntry> shownKeys = List.of();
    private TipSetKey shownHead;
    private LockState shownLock;
    /** Message states change after the head moves, once the message watcher has seen it. */
    private long shownWatchedHeight = -1;

    public WalletsView() {
        Div cards = new Div(store);
        cards.addClassName("granary-cards");
        cards.setWidthFull();
        add(problem, cards, toolbar(), new H3("Keys"), keys, messages);
        setWidthFull();
        reload();
        LivePolling.whileAttached(this, REFRESH_MILLIS, this::refreshOnChange);
    }

    private HorizontalLayout toolbar() {
        Button create = new Button("New wallet", VaadinIcon.PLUS.create(), e -> new NewWalletDialog(this::reload).open());
        create.setId("wallet-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button send = new Button("Send", VaadinIcon.PAPERPLANE.create(), e -> openSend(Optional.empty()));
        send.setId("wallet-send");
        Button importKey = new Button("Import", VaadinIcon.UPLOAD.create(), e -> new ImportDialog(this::reload).open());
        importKey.setId("wallet-import");
        return new HorizontalLayout(Gate.onlyFor(Permission.SIGN, create), Gate.onlyFor(Permission.SIGN, send),
            Gate.onlyFor(Permission.ADMIN, importKey));
    }

    private void openSend(Optional<Address> from) {
        if (shownKeys.isEmpty()) {
            Notices.error("the wallet has no keys to send from; create or import one first");
            return;
        }
        SendDialog.open(shownKeys, from, this::reload);
    }

    /** Balances, nonces and message states change with the head; the lock with an administrator's click. */
    private void refreshOnChange() {
        try {
            Node node = NodeAccess.node();
            if (!node.chain().chainHead().key().equals(shownHead) || node.wallets().lockState() != shownLock
                    || node.messages().watchedHeight() != shownWatchedHeight) {
                reload();
            }
        } catch (RuntimeException e) {
            problem.show(List.of(e));
        }
    }

    /** Reads everything again; a part that cannot be read says so without hiding the others. */
    private void reload() {
        Node node = NodeAccess.node();
        List<RuntimeException> problems = new ArrayList<>();
        try {
            shownHead = node.chain().chainHead().key();
            shownLock = node.wallets().lockState();
            shownWatchedHeight = node.messages().watchedHeight();
            store.showLock(shownLock);
            shownKeys = AsUser.read(actor -> node.wallets().list(actor));
            store.showKeys(shownKeys);
            keys.show(shownKeys);
        } catch (RuntimeException e) {
            problems.add(e);
        }
        try {
            messages.show(AsUser.read(actor -> node.messages().list(actor, MessageQuery.recent(RECENT_MESSAGES))).items());
        } catch (RuntimeException e) {
            problems.add(e);
        }
        problem.show(problems);
    }
}
