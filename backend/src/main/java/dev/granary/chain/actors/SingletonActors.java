package dev.granary.chain.actors;

import dev.granary.address.Address;

/**
 * The IDs of Filecoin's singleton actors (go-state-types builtin/singletons.go). IDs below
 * {@link #FIRST_NON_SINGLETON_ID} are reserved for them; the init actor hands out the rest.
 */
public final class SingletonActors {

    public static final long SYSTEM_ID = 0;
    public static final long INIT_ID = 1;
    public static final long REWARD_ID = 2;
    public static final long CRON_ID = 3;
    public static final long POWER_ID = 4;
    public static final long MARKET_ID = 5;
    public static final long VERIFIED_REGISTRY_ID = 6;
    /** An account actor that only receives: funds sent here are out of circulation for good. */
    public static final long BURNT_FUNDS_ID = 99;

    /** go-state-types' FirstNonSingletonActorId: the init actor's first NextID. */
    public static final long FIRST_NON_SINGLETON_ID = 100;

    public static final Address SYSTEM = Address.ofId(SYSTEM_ID);
    public static final Address INIT = Address.ofId(INIT_ID);
    public static final Address REWARD = Address.ofId(REWARD_ID);
    public static final Address CRON = Address.ofId(CRON_ID);
    public static final Address POWER = Address.ofId(POWER_ID);
    public static final Address MARKET = Address.ofId(MARKET_ID);
    public static final Address BURNT_FUNDS = Address.ofId(BURNT_FUNDS_ID);

    private SingletonActors() {
    }
}
