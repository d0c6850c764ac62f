package dev.granary.storage;

import dev.granary.units.ByteSize;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses where a new sector file goes, as Lotus' index does (StorageBestAlloc): among healthy paths
 * that may take it (CanSeal or CanStore for the use, Weight above 0, allow/deny types and miners, the
 * source path's AllowTo groups) and have room after reservations, the one with the largest
 * available × weight. When none fits, the answer says why for every path.
 */
final class PathSelector {

    private PathSelector() {}

    /** The chosen path, or the reason each candidate was refused. */
    record Choice(Optional<PathInfo> path, List<String> refusals) {}

    /**
     * @param extraReserved bytes already promised by this same request, by path id
     * @param needed        bytes the file needs (Lotus' overhead for the use, or a fetch's exact size)
     */
    static Choice choose(List<PathInfo> candidates, AllocationRequest request, SectorFileType type,
                         Optional<PathInfo> source, Map<String, Long> extraReserved, long needed) {
        List<String> refusals = new ArrayList<>();
        List<PathInfo> fit = new ArrayList<>();
        for (PathInfo p : candidates) {
            long available = Math.max(0, p.available() - extraReserved.getOrDefault(p.id(), 0L));
            String refusal = refusal(p, request, type, source, needed, available);
            if (refusal == null) {
                fit.add(p);
            } else {
                refusals.add(p.describe() + ": " + refusal);
            }
        }
        Comparator<PathInfo> byScore = Comparator.comparing(
            p -> BigInteger.valueOf(Math.max(0, p.available() - extraReserved.getOrDefault(p.id(), 0L)))
                .multiply(BigInteger.valueOf(p.meta().weight())));
        return new Choice(fit.stream().max(byScore), refusals);
    }

    private static String refusal(PathInfo p, AllocationRequest request, SectorFileType type, Optional<PathInfo> source,
                                  long needed, long available) {
        if (!p.healthy()) {
            return "unhealthy (" + p.lastError() + ")";
        }
        if (p.meta().weight() == 0) {
            return "read-only (Weight 0)";
        }
        if (request.use() == PathUse.SEAL && !p.meta().canSeal()) {
            return "CanSeal is false";
        }
        if (request.use() == PathUse.STORE && !p.meta().canStore()) {
            return "CanStore is false";
        }
        if (!type.allowed(p.meta().allowTypes(), p.meta().denyTypes())) {
            return "AllowTypes/DenyTypes exclude " + type.id();
        }
        if (!minerAllowed(p, request.sector().miner())) {
            return "AllowMiners/DenyMiners exclude f0" + request.sector().miner();
        }
        if (source.isPresent() && !source.get().meta().allowTo().isEmpty()
                && p.meta().groups().stream().noneMatch(g -> source.get().meta().allowTo().contains(g))) {
            return "not in the AllowTo groups " + source.get().meta().allowTo() + " of the source " + source.get().describe();
        }
        if (available < needed) {
            return "needs " + ByteSize.format(needed) + " for " + type.id() + ", " + ByteSize.format(available)
                + " available (" + ByteSize.format(p.reserved()) + " reserved"
                + (p.meta().maxStorage() > 0 ? ", MaxStorage " + ByteSize.format(p.meta().maxStorage()) : "") + ")";
        }
        return null;
    }

    /** Lotus' MinerFilter: an allow list admits only its miners; a deny list excludes its miners. */
    static boolean minerAllowed(PathInfo p, long miner) {
        List<String> allow = p.meta().allowMiners();
        List<String> deny = p.meta().denyMiners();
        if (!allow.isEmpty() && allow.stream().noneMatch(m -> SectorName.parseMiner(m) == miner)) {
            return false;
        }
        return deny.stream().noneMatch(m -> SectorName.parseMiner(m) == miner);
    }
}
