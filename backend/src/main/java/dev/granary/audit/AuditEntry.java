package dev.granary.audit;

import java.time.Instant;

/** One line of the audit log. */
public record AuditEntry(long id, Instant at, String actor, String role, String clientAddress, String action,
                         String target, String outcome, String detail, String requestId) {}
