package dev.granary.chain;

import java.util.Objects;

import dev.granary.chain.types.TipSet;

/** Lotus' HeadChange: a tipset became the head ("apply"), left it ("revert"), or is it now ("current"). */
public record HeadChange(Type type, TipSet tipSet) {

    public enum Type { CURRENT, APPLY, REVERT }

    public HeadChange {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tipSet, "tipSet");
    }
}
