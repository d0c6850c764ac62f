package dev.granary.ui.security;

/** Route paths the access rules refer to by name (the views themselves live in other packages). */
public final class Routes {

    public static final String OVERVIEW = "";
    public static final String LOGIN = "login";
    public static final String CHANGE_PASSWORD = "change-password";

    /** Query parameter: where to go after signing in. */
    public static final String NEXT = "next";
    /** Query parameter: why the login page is shown (a {@link SessionEnd}). */
    public static final String ENDED = "ended";

    private Routes() {}
}
