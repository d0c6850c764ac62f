package dev.granary.control;

import java.util.Locale;

/** Lotus' api.AddrUse: the kinds of miner message that get their own sender. */
public enum AddressUse {
    POST("PoSt"), PRE_COMMIT("PreCommit"), COMMIT("Commit"), DEAL_PUBLISH("DealPublish"), TERMINATE("Terminate");

    private final String label;

    AddressUse(String label) {
        this.label = label;
    }

    /** "PoSt", "PreCommit", ... as operators know them. */
    public String label() {
        return label;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
