package dev.granary.auth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The one list of what the node exposes and the permission each needs: every REST route and every
 * dashboard view registers here at start. Registering without a permission stops the start, naming
 * the route or view.
 */
public final class AccessRegistry {

    public enum Kind { ROUTE, VIEW }

    public record Entry(Kind kind, String name, Permission permission) {}

    private final List<Entry> entries = new ArrayList<>();

    public synchronized void register(Kind kind, String name, Permission permission) {
        Objects.requireNonNull(name, "name");
        if (permission == null) {
            throw new IllegalStateException((kind == Kind.ROUTE ? "REST route " : "dashboard view ") + name
                + " declares no permission; every route and view must declare the one it needs");
        }
        if (entries.stream().anyMatch(e -> e.kind() == kind && e.name().equals(name))) {
            throw new IllegalStateException((kind == Kind.ROUTE ? "REST route " : "dashboard view ") + name
                + " is registered twice");
        }
        entries.add(new Entry(kind, name, permission));
    }

    public synchronized List<Entry> entries() {
        return entries.stream().sorted(Comparator.comparing(Entry::kind).thenComparing(Entry::name)).toList();
    }

    public synchronized List<Entry> entries(Kind kind) {
        return entries().stream().filter(e -> e.kind() == kind).toList();
    }
}
