package dev.granary.control;

import dev.granary.address.Address;
import dev.granary.chain.actors.miner.MinerInfo;
import dev.granary.chain.actors.miner.PendingWorkerKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * Lotus' `actor control list`: one entry per address with every role it plays on chain ("owner",
 * "worker", "beneficiary", "control-N") and every use it serves ("PoSt" for on-chain control addresses
 * no other use claims, plus the configured "PreCommit", "Commit", "Terminate", "DealPublish").
 */
final class OverviewBuilder {

    private final ControlChain chain;
    private final Predicate<Address> inWallet;

    OverviewBuilder(ControlChain chain, Predicate<Address> inWallet) {
        this.chain = chain;
        this.inWallet = inWallet;
    }

    ControlOverview build(ControlChain.Miner miner, SelectionConfig config) {
        MinerInfo info = miner.info();
        Map<Address, List<String>> roles = new LinkedHashMap<>();
        add(roles, info.owner(), "owner");
        add(roles, info.worker(), "worker");
        add(roles, info.beneficiary(), "beneficiary");
        List<Address> controls = info.controlAddresses();
        for (int i = 0; i < controls.size(); i++) {
            add(roles, controls.get(i), "control-" + i);
        }
        List<Address> claimed = new ArrayList<>();
        for (AddressUse use : AddressUse.values()) {
            for (Address a : AddressSelector.configured(config, use)) {
                Address id = chain.idOf(a).orElse(a);
                claimed.add(id);
                add(roles, id, use.label());
            }
        }
        for (Address c : controls) {
            if (!c.equals(info.owner()) && !c.equals(info.worker()) && !claimed.contains(c)) {
                add(roles, c, AddressUse.POST.label());
            }
        }
        List<ControlOverview.Entry> entries = new ArrayList<>();
        roles.forEach((address, r) -> entries.add(entry(address, r)));
        PendingWorkerKey pending = info.pendingWorkerKey();
        return new ControlOverview(miner.id(), chain.headHeight(), entries,
            Optional.ofNullable(pending).map(PendingWorkerKey::newWorker),
            pending == null ? OptionalLong.empty() : OptionalLong.of(pending.effectiveAt()),
            Optional.ofNullable(info.pendingOwnerAddress()), config);
    }

    private static void add(Map<Address, List<String>> roles, Address address, String role) {
        List<String> list = roles.computeIfAbsent(address, a -> new ArrayList<>());
        if (!list.contains(role)) {
            list.add(role);
        }
    }

    private ControlOverview.Entry entry(Address address, List<String> roles) {
        Optional<Address> key = chain.keyOf(address);
        return new ControlOverview.Entry(address, key, List.copyOf(roles), chain.balance(address),
            key.map(inWallet::test).orElse(false));
    }
}
