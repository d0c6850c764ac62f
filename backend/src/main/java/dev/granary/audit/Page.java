package dev.granary.audit;

import java.util.List;

/** A page of results and the cursor for the next one (null at the end). */
public record Page<T>(List<T> items, String nextCursor) {}
