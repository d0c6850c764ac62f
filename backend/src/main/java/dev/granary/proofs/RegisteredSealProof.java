package dev.granary.proofs;

import java.util.Arrays;
import java.util.stream.Collectors;

import dev.granary.kernels.sdr.SdrGraph;
import dev.granary.units.ByteSize;

/**
 * filecoin-ffi's RegisteredSealProof, numbered as rust-fil-proofs numbers it (StackedDrg2KiBV1 = 0
 * .. StackedDrg64GiBV1 = 4, then the same sizes in V1_1 = 5..9). The number is the porep_id, and
 * the porep_id seeds the graph, so each value names exactly one graph.
 */
public enum RegisteredSealProof {
    STACKED_DRG_2KIB_V1(0, 2L << 10, ApiVersion.V1),
    STACKED_DRG_8MIB_V1(1, 8L << 20, ApiVersion.V1),
    STACKED_DRG_512MIB_V1(2, 512L << 20, ApiVersion.V1),
    STACKED_DRG_32GIB_V1(3, 32L << 30, ApiVersion.V1),
    STACKED_DRG_64GIB_V1(4, 64L << 30, ApiVersion.V1),
    STACKED_DRG_2KIB_V1_1(5, 2L << 10, ApiVersion.V1_1),
    STACKED_DRG_8MIB_V1_1(6, 8L << 20, ApiVersion.V1_1),
    STACKED_DRG_512MIB_V1_1(7, 512L << 20, ApiVersion.V1_1),
    STACKED_DRG_32GIB_V1_1(8, 32L << 30, ApiVersion.V1_1),
    STACKED_DRG_64GIB_V1_1(9, 64L << 30, ApiVersion.V1_1);

    /** Layers below 32 GiB (rust-fil-proofs filecoin-proofs constants.rs LAYERS). */
    private static final int TEST_SIZE_LAYERS = 2;
    private static final int PRODUCTION_LAYERS = 11;
    private static final long PRODUCTION_SIZE = 32L << 30;

    private final int id;
    private final long sectorSize;
    private final ApiVersion apiVersion;

    RegisteredSealProof(int id, long sectorSize, ApiVersion apiVersion) {
        this.id = id;
        this.sectorSize = sectorSize;
        this.apiVersion = apiVersion;
    }

    /** The registered proof for a size and version; sizes are bytes of one sector. */
    public static RegisteredSealProof of(long sectorSize, ApiVersion apiVersion) {
        for (RegisteredSealProof p : values()) {
            if (p.sectorSize == sectorSize && p.apiVersion == apiVersion) {
                return p;
            }
        }
        throw new UnsupportedSectorSizeException(sectorSize, null);
    }

    /** Parses "8MiB", "2KiB", "536870912" ... and finds the proof for it. */
    public static RegisteredSealProof of(String sectorSize, ApiVersion apiVersion) {
        long bytes;
        try {
            bytes = ByteSize.parse(sectorSize);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedSectorSizeException(-1, e.getMessage());
        }
        return of(bytes, apiVersion);
    }

    public static RegisteredSealProof byId(long id) {
        for (RegisteredSealProof p : values()) {
            if (p.id == id) {
                return p;
            }
        }
        throw new IllegalArgumentException("no registered seal proof has id " + id + " (known: 0..9)");
    }

    static String supportedSizes() {
        return Arrays.stream(values()).filter(p -> p.apiVersion == ApiVersion.V1)
                .map(p -> ByteSize.format(p.sectorSize).replace(" ", "")).collect(Collectors.joining(", "));
    }

    public int id() {
        return id;
    }

    public long sectorSize() {
        return sectorSize;
    }

    public ApiVersion apiVersion() {
        return apiVersion;
    }

    public long nodes() {
        return sectorSize / SdrGraph.NODE_SIZE;
    }

    /** SDR layers: 2 for the test sizes, 11 for 32 and 64 GiB. */
    public int layers() {
        return sectorSize >= PRODUCTION_SIZE ? PRODUCTION_LAYERS : TEST_SIZE_LAYERS;
    }

    /** porep_id: the id as u64 little-endian, a u64 zero (the nonce), then 16 zero bytes. */
    public byte[] porepId() {
        byte[] porepId = new byte[SdrGraph.POREP_ID_BYTES];
        for (int i = 0; i < Long.BYTES; i++) {
            porepId[i] = (byte) ((long) id >>> (8 * i));
        }
        return porepId;
    }

    public SdrGraph graph() {
        return SdrGraph.of(nodes(), porepId(), apiVersion.graphVersion());
    }

    /** E.g. "2KiB V1_1". */
    public String label() {
        return ByteSize.format(sectorSize).replace(" ", "") + " " + apiVersion;
    }
}
