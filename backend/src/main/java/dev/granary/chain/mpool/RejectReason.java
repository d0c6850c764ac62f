package dev.granary.chain.mpool;

/**
 * Why the message pool refused a message. The REST layer maps each value to a stable problem type,
 * so values are never renamed; new ones may be added.
 */
public enum RejectReason {
    /** Fails a check on the message alone (version, negative or oversized amounts, premium above fee cap). */
    MALFORMED,
    /** The serialized signed message exceeds 64 KiB (Lotus' MaxMessageSize). */
    TOO_LARGE,
    /** The gas limit does not cover the gas charged for including the message on chain. */
    GAS_LIMIT_TOO_LOW,
    /** The gas limit exceeds the block gas limit: no block could ever include it. */
    GAS_LIMIT_TOO_HIGH,
    /** The fee cap is below the minimum base fee or the current base fee. */
    FEE_CAP_TOO_LOW,
    /** The sender has no actor in the head state. */
    SENDER_UNKNOWN,
    /** The sender's actor is not an account, so it cannot sign messages. */
    SENDER_NOT_ACCOUNT,
    /** The signature is not the sender key's over the message CID. */
    BAD_SIGNATURE,
    /** The nonce was already used by a message on chain. */
    NONCE_TOO_LOW,
    /** The nonce is beyond the next one expected after the sender's pending messages. */
    NONCE_GAP,
    /** A message with the same sender and nonce is pending and this one does not pay enough more to replace it. */
    REPLACE_UNDERPRICED,
    /** The sender's balance does not cover this message together with its other pending messages. */
    INSUFFICIENT_FUNDS,
    /** The sender already has the maximum number of pending messages. */
    TOO_MANY_PENDING
}
