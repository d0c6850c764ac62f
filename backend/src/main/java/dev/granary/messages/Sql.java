package dev.granary.messages;

import java.sql.SQLException;

/** Recognising database errors the service handles rather than reports. */
final class Sql {

    /** SQLSTATE of a unique-constraint violation on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private Sql() {
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
