-- Control wallets: per-miner sender selection (Lotus' [Addresses]) and balance watermarks.

-- One row per miner whose selection was configured; a miner without a row uses the defaults
-- (nothing configured, both fallbacks on).
CREATE TABLE control_selection (
    miner                   VARCHAR(40)  NOT NULL PRIMARY KEY,   -- the miner's ID address, "f01000"
    disable_owner_fallback  BOOLEAN      NOT NULL,
    disable_worker_fallback BOOLEAN      NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by              VARCHAR(200) NOT NULL
);

-- The configured senders of each message type, in the order they are tried.
CREATE TABLE control_selection_address (
    miner       VARCHAR(40)  NOT NULL REFERENCES control_selection (miner) ON DELETE CASCADE,
    address_use VARCHAR(20) NOT NULL,                           -- pre-commit, commit, terminate, deal-publish
    seq         INT          NOT NULL,
    address     VARCHAR(120) NOT NULL,                          -- as the operator gave it (f0, f1, f3)
    PRIMARY KEY (miner, address_use, seq)
);

-- A balance band per address: below low_atto the node sends high_atto - balance from funding.
-- Amounts are attoFIL as decimal text (portable, no precision limit).
CREATE TABLE wallet_watermark (
    address         VARCHAR(120)  NOT NULL PRIMARY KEY,
    low_atto        VARCHAR(80)   NOT NULL,
    high_atto       VARCHAR(80)   NOT NULL,
    funding         VARCHAR(120)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      VARCHAR(200)  NOT NULL,
    -- the last top-up that reached the message service (the rate limit counts from here)
    last_top_up_at  TIMESTAMP WITH TIME ZONE,
    last_message_id BIGINT,
    -- top-ups sent so far: part of each top-up's idempotency key, so a crash between sending and
    -- recording here cannot send twice
    top_up_count    BIGINT        NOT NULL,
    last_error      VARCHAR(1000) NOT NULL
);
