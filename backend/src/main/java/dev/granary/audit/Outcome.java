package dev.granary.audit;

/** How an audited action ended. */
public enum Outcome {
    SUCCESS, DENIED, FAILED;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
