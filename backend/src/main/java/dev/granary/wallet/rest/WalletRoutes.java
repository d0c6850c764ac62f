package dev.granary.wallet.rest;

import dev.granary.api.ApiRoute;
import dev.granary.api.RouteGroup;
import dev.granary.wallet.WalletService;
import java.util.List;

/** /api/v1/wallets: the wallet store (keys, balances, default, import/export, sign/verify, lock). */
public final class WalletRoutes implements RouteGroup {

    private final WalletService wallets;

    public WalletRoutes(WalletService wallets) {
        this.wallets = wallets;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of();
    }
}
