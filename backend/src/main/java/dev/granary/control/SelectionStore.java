package dev.granary.control;

import dev.granary.address.Address;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The per-miner selection configuration (tables control_selection and control_selection_address). */
final class SelectionStore {

    private final Jdbi jdbi;

    SelectionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The miner's configuration; {@link SelectionConfig#DEFAULT} when none was set. */
    SelectionConfig load(Address minerId) {
        String miner = minerId.toString();
        return jdbi.withHandle(h -> {
            Optional<boolean[]> flags = h.createQuery("""
                    SELECT disable_owner_fallback, disable_worker_fallback FROM control_selection WHERE miner = :m""")
                .bind("m", miner)
                .map((rs, ctx) -> new boolean[] {rs.getBoolean(1), rs.getBoolean(2)}).findFirst();
            if (flags.isEmpty()) {
                return SelectionConfig.DEFAULT;
            }
            Map<AddressUse, List<Address>> lists = new EnumMap<>(AddressUse.class);
            h.createQuery("SELECT address_use, address FROM control_selection_address WHERE miner = :m ORDER BY address_use, seq")
                .bind("m", miner)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> lists.computeIfAbsent(use(e.getKey()), u -> new ArrayList<>()).add(Address.parse(e.getValue())));
            return new SelectionConfig(lists.getOrDefault(AddressUse.PRE_COMMIT, List.of()),
                lists.getOrDefault(AddressUse.COMMIT, List.of()), lists.getOrDefault(AddressUse.TERMINATE, List.of()),
                lists.getOrDefault(AddressUse.DEAL_PUBLISH, List.of()), flags.get()[0], flags.get()[1]);
        });
    }

    void save(Address minerId, SelectionConfig config, OffsetDateTime at, String by) {
        String miner = minerId.toString();
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM control_selection_address WHERE miner = :m").bind("m", miner).execute();
            h.createUpdate("DELETE FROM control_selection WHERE miner = :m").bind("m", miner).execute();
            h.createUpdate("""
                    INSERT INTO control_selection (miner, disable_owner_fallback, disable_worker_fallback, updated_at, updated_by)
                    VALUES (:m, :owner, :worker, :at, :by)""")
                .bind("m", miner).bind("owner", config.disableOwnerFallback())
                .bind("worker", config.disableWorkerFallback()).bind("at", at).bind("by", by).execute();
            for (AddressUse use : AddressUse.values()) {
                insert(h, miner, use, AddressSelector.configured(config, use));
            }
        });
    }

    private static void insert(Handle h, String miner, AddressUse use, List<Address> addresses) {
        for (int i = 0; i < addresses.size(); i++) {
            h.createUpdate("INSERT INTO control_selection_address (miner, address_use, seq, address) VALUES (:m, :u, :s, :a)")
                .bind("m", miner).bind("u", use.id()).bind("s", i).bind("a", addresses.get(i).toString()).execute();
        }
    }

    private static AddressUse use(String id) {
        for (AddressUse u : AddressUse.values()) {
            if (u.id().equals(id)) {
                return u;
            }
        }
        throw new IllegalStateException("control_selection_address holds an unknown use '" + id + "'");
    }
}
