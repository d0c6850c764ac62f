package dev.granary.kernels.sdr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Fixed-size per-node entries (32-byte labels, 56-byte parent lists) spread over windows of
 * {@code windowNodes} nodes each, so a layer or parent cache of any size is addressed with 64-bit
 * node indices although one ByteBuffer holds at most 2 GiB. A buffer the caller passes is one
 * window; a file is mapped window by window, and the operating system pages the windows in and
 * out, so memory stays bounded by what the machine can cache.
 */
final class NodeWindows {

    private final ByteBuffer[] windows;
    private final long windowNodes;
    private final int entryBytes;

    private NodeWindows(ByteBuffer[] windows, long windowNodes, int entryBytes) {
        this.windows = windows;
        this.windowNodes = windowNodes;
        this.entryBytes = entryBytes;
    }

    /** The buffer's remaining bytes from its position, as one window. */
    static NodeWindows of(ByteBuffer buffer, int entryBytes) {
        ByteBuffer window = buffer.slice().order(ByteOrder.LITTLE_ENDIAN);
        return new NodeWindows(new ByteBuffer[] {window}, Math.max(1, window.capacity() / entryBytes), entryBytes);
    }

    /**
     * The first {@code nodes} entries of {@code channel}'s file, mapped in windows of
     * {@code windowNodes} nodes; READ_WRITE mappings extend the file as needed.
     */
    static NodeWindows map(FileChannel channel, FileChannel.MapMode mode, long nodes, long windowNodes, int entryBytes)
            throws IOException {
        int count = (int) ((nodes + windowNodes - 1) / windowNodes);
        ByteBuffer[] windows = new ByteBuffer[count];
        for (int w = 0; w < count; w++) {
            long first = w * windowNodes;
            long size = Math.min(windowNodes, nodes - first) * entryBytes;
            windows[w] = channel.map(mode, first * entryBytes, size).order(ByteOrder.LITTLE_ENDIAN);
        }
        return new NodeWindows(windows, windowNodes, entryBytes);
    }

    /** The little-endian int at {@code offset} inside the entry of {@code node}. */
    int getInt(long node, int offset) {
        return windows[window(node)].getInt(at(node) + offset);
    }

    void get(long node, byte[] target, int targetOffset) {
        windows[window(node)].get(at(node), target, targetOffset, entryBytes);
    }

    void put(long node, byte[] entry) {
        windows[window(node)].put(at(node), entry, 0, entryBytes);
    }

    private int window(long node) {
        return (int) (node / windowNodes);
    }

    private int at(long node) {
        return (int) (node % windowNodes) * entryBytes;
    }
}
