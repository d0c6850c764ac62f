package dev.granary.address;

/** The network letter that starts an address's text form; the bytes of an address carry none. */
public enum Network {

    MAINNET('f'),
    TESTNET('t');

    private final char prefix;

    Network(char prefix) {
        this.prefix = prefix;
    }

    public char prefix() {
        return prefix;
    }

    /** The network whose letter starts {@code text}, an address string. */
    public static Network of(String text) {
        if (text == null || text.isEmpty()) {
            throw new AddressException(AddressException.Reason.INVALID_LENGTH, "empty address");
        }
        return byPrefix(text.charAt(0));
    }

    static Network byPrefix(char letter) {
        for (Network network : values()) {
            if (network.prefix == letter) {
                return network;
            }
        }
        throw new AddressException(AddressException.Reason.UNKNOWN_NETWORK, "address starts with '" + letter
                + "'; a Filecoin address starts with 'f' (mainnet) or 't' (testnet), in lower case");
    }
}
