package dev.granary.ui.tokens;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.granary.auth.ApiToken;
import dev.granary.auth.Permission;
import dev.granary.auth.Principal;
import dev.granary.auth.TokenService;
import dev.granary.ui.NodeAccess;
import dev.granary.ui.security.AsUser;
import dev.granary.ui.security.RequiresPermission;
import dev.granary.ui.security.SignedIn;
import dev.granary.ui.shell.Badge;
import dev.granary.ui.shell.Confirm;
import dev.granary.ui.shell.MainLayout;
import dev.granary.ui.shell.Notices;
import dev.granary.ui.shell.Times;
import dev.granary.ui.users.MinerList;
import java.time.Instant;
import java.util.stream.Collectors;

/** API tokens: your own, and for administrators everyone's. Create (value shown once) and revoke. */
@Route(value = "tokens", layout = MainLayout.class)
@PageTitle("API tokens")
@RequiresPermission(Permission.READ)
public class TokensView extends VerticalLayout {

    private final TokenService tokens = NodeAccess.node().auth().tokens();
    private final Grid<ApiToken> grid = new Grid<>();
    private final Checkbox everyone = new Checkbox("Show every user's tokens");
    private final Grid.Column<ApiToken> ownerColumn;

    public TokensView() {
        Principal me = SignedIn.require();
        Button create = new Button("New token", VaadinIcon.PLUS.create(),
            e -> new NewTokenDialog(SignedIn.require(), issued -> {
                new IssuedTokenDialog(issued).open();
                reload();
            }).open());
        create.setId("new-token");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        everyone.setId("all-tokens");
        everyone.setVisible(me.may(Permission.ADMIN));
        everyone.addValueChangeListener(e -> reload());
        HorizontalLayout toolbar = new HorizontalLayout(create, everyone);
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);

        grid.setId("tokens-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(t -> t.kind().equals(ApiToken.KIND_SESSION) ? t.name() + " (script sign-in)" : t.name())
            .setHeader("Name").setAutoWidth(true);
        ownerColumn = grid.addColumn(ApiToken::username).setHeader("User").setAutoWidth(true).setFlexGrow(0);
        // The id is what REST and CLI revocation take; the full value is in the tooltip.
        grid.addColumn(t -> t.jti().substring(0, Math.min(12, t.jti().length())) + "…").setHeader("Id")
            .setTooltipGenerator(ApiToken::jti).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> t.permissions().stream().sorted().map(Permission::lotusName)
            .collect(Collectors.joining(", "))).setHeader("Allows").setAutoWidth(true);
        grid.addColumn(t -> MinerList.describe(t.miners())).setHeader("Miners").setAutoWidth(true);
        grid.addColumn(t -> Times.utcMinutes(t.createdAt())).setHeader("Created (UTC)").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> t.expiresAt() == null ? "never" : Times.utcMinutes(t.expiresAt()))
            .setHeader("Expires (UTC)").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> Times.utcMinutes(t.lastUsedAt())).setHeader("Last used (UTC)").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::status).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::revokeButton).setHeader("").setAutoWidth(true).setFlexGrow(0)
            .setFrozenToEnd(true); // reachable even when the table scrolls sideways
        grid.setEmptyStateText("No tokens yet.");
        grid.setAllRowsVisible(true);

        add(toolbar, grid);
        setWidthFull();
        reload();
    }

    private void reload() {
        boolean all = everyone.getValue();
        ownerColumn.setVisible(all);
        AsUser.call(actor -> tokens.list(actor, all)).ifPresent(list -> {
            grid.setItems(list);
            grid.recalculateColumnWidths();
        });
    }

    private Component status(ApiToken token) {
        Instant now = NodeAccess.node().clock().instant();
        Span badge;
        if (token.revokedAt() != null) {
            badge = Badge.of("revoked", Badge.Tone.BAD);
            badge.setTitle("revoked " + Times.utc(token.revokedAt()) + " UTC by " + token.revokedBy());
        } else if (!token.active(now)) {
            badge = Badge.of("expired", Badge.Tone.WARN);
        } else {
            badge = Badge.of("active", Badge.Tone.GOOD);
        }
        badge.setId("token-status-" + token.jti());
        return badge;
    }

    private Component revokeButton(ApiToken token) {
        Button revoke = new Button("Revoke", e -> Confirm.ask("Revoke token " + token.name() + "?",
            "Scripts using token " + token.jti() + " of " + token.username() + " are refused from now on. This cannot"
                + " be undone.", "Revoke", () -> {
                    if (AsUser.run(actor -> tokens.revoke(actor, token.jti()))) {
                        Notices.success("Token " + token.name() + " revoked.");
                    }
                    reload();
                }));
        revoke.setId("revoke-" + token.jti());
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        revoke.setEnabled(token.active(NodeAccess.node().clock().instant()));
        return revoke;
    }
}
