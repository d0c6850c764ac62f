package dev.granary.storage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The kinds of sector file, named and laid out as Lotus' storiface file types: each lives in the
 * directory of its name under a path ({@code sealed/s-t01000-3}). Cache and update-cache are
 * directories. The overheads are Lotus' (in tenths of the sector size): what a reservation asks for
 * while sealing and once a sector is finalized. update and update-cache are reserved for snap deals.
 */
public enum SectorFileType {
    UNSEALED("unsealed", 10, 10, false),
    SEALED("sealed", 10, 10, false),
    CACHE("cache", 141, 2, true),
    UPDATE("update", 10, 10, false),
    UPDATE_CACHE("update-cache", 20, 2, true);

    private final String id;
    private final int sealOverheadTenths;
    private final int finalizedOverheadTenths;
    private final boolean directory;

    SectorFileType(String id, int sealOverheadTenths, int finalizedOverheadTenths, boolean directory) {
        this.id = id;
        this.sealOverheadTenths = sealOverheadTenths;
        this.finalizedOverheadTenths = finalizedOverheadTenths;
        this.directory = directory;
    }

    /** The Lotus name and directory: "unsealed", "sealed", "cache", "update", "update-cache". */
    public String id() { return id; }

    public boolean directory() { return directory; }

    /** Bytes a reservation of this file needs for a sector of {@code sectorSize} in a path of that use. */
    public long reservationBytes(long sectorSize, PathUse use) {
        int tenths = use == PathUse.SEAL ? sealOverheadTenths : finalizedOverheadTenths;
        return Math.multiplyExact(sectorSize, tenths) / 10;
    }

    public static SectorFileType parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (SectorFileType f : values()) {
            if (f.id.equals(t)) {
                return f;
            }
        }
        throw new IllegalArgumentException("sector file type '" + text + "' must be one of " + ids());
    }

    public static List<SectorFileType> parseAll(Collection<String> texts) {
        List<SectorFileType> out = new ArrayList<>();
        for (String t : texts) {
            out.add(parse(t));
        }
        return out;
    }

    public static String ids() {
        return "unsealed, sealed, cache, update, update-cache";
    }

    /** Lotus' FileType.Allowed: allow list empty or naming this type, and the deny list not naming it. */
    public boolean allowed(List<String> allowTypes, List<String> denyTypes) {
        boolean allow = allowTypes.isEmpty() || allowTypes.stream().anyMatch(t -> t.strip().equalsIgnoreCase(id));
        return allow && denyTypes.stream().noneMatch(t -> t.strip().equalsIgnoreCase(id));
    }
}
