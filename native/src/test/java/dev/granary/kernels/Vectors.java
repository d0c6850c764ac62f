package dev.granary.kernels;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public vectors in /vectors/filecoin.json, and the kernels every test runs against. */
public final class Vectors {

    private static final String RESOURCE = "/vectors/filecoin.json";
    /** CIDv1, codec fil-commitment-unsealed (0xf101), multihash sha2-256-trunc254-padded (0x1012), 32 bytes. */
    private static final byte[] PIECE_CID_V1_PREFIX = HexFormat.of().parseHex("0181e203922020");

    private Vectors() {
    }

    public static JsonNode pieceCommitments() {
        try (InputStream in = Vectors.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test class path");
            }
            return JsonMapper.shared().readTree(in).get("piece_commitments");
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
    }

    /** Both implementations; the native one must load in this module, whose build compiles it. */
    public static Stream<Kernels> bothKernels() {
        return Stream.of(Kernels.nativeKernels(), Kernels.java());
    }

    public static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** The CommP inside a piece CID v1 (base32, "b" prefix); a minimal decoder kept to the tests. */
    public static byte[] commPOfPieceCidV1(String cid) {
        if (!cid.startsWith("b")) {
            throw new IllegalArgumentException("not a base32 CID: " + cid);
        }
        byte[] bytes = base32(cid.substring(1));
        byte[] prefix = Arrays.copyOf(bytes, PIECE_CID_V1_PREFIX.length);
        if (!Arrays.equals(prefix, PIECE_CID_V1_PREFIX) || bytes.length != prefix.length + 32) {
            throw new IllegalArgumentException("not a piece CID v1: " + cid);
        }
        return Arrays.copyOfRange(bytes, prefix.length, bytes.length);
    }

    private static byte[] base32(String s) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        byte[] out = new byte[s.length() * 5 / 8];
        int acc = 0;
        int bits = 0;
        int n = 0;
        for (char c : s.toCharArray()) {
            acc = (acc << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out[n++] = (byte) (acc >>> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }

    /** Deterministic pseudo-random bytes. */
    public static byte[] randomBytes(long seed, int length) {
        byte[] b = new byte[length];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }

    /** A direct buffer holding {@code bytes}, positioned at 0. */
    public static java.nio.ByteBuffer direct(byte[] bytes) {
        return java.nio.ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    }
}
