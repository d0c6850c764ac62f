package dev.granary.chain.amt;

import dev.granary.cbor.CborException;
import dev.granary.cbor.CborReader;
import dev.granary.multiformats.Cid;
import java.util.Optional;
import java.util.function.BiConsumer;

/** Loads an AMT's blocks from a source and walks them, checking the v2 shape as it goes. */
final class AmtReader {

    /** What the walk found, handed out in index order. */
    interface EntryVisitor {
        void visit(long index, byte[] value);
    }

    private final BlockSource source;
    private final Cid root;

    AmtReader(BlockSource source, Cid root) {
        this.source = source;
        this.root = root;
    }

    AmtRoot loadRoot() {
        return AmtRoot.decode(root, load(root));
    }

    /** Every entry in index order; then checks that their number is the root's count. */
    void forEachEntry(EntryVisitor visitor) {
        AmtRoot top = loadRoot();
        long[] found = {0};
        walk(top.node(), top.height(), 0, (index, value) -> {
            found[0]++;
            visitor.visit(index, value);
        });
        if (found[0] != top.count()) {
            throw new AmtException("AMT " + root + " declares " + Long.toUnsignedString(top.count())
                + " values but holds " + found[0]);
        }
    }

    /** The root block, then each node before the nodes under it, lowest slot first. */
    void forEachBlock(BiConsumer<Cid, byte[]> visitor) {
        byte[] rootBytes = load(root);
        AmtRoot top = AmtRoot.decode(root, rootBytes);
        visitor.accept(root, rootBytes);
        visitBlocks(top.node(), top.height(), visitor);
    }

    Optional<byte[]> get(long index) {
        AmtRoot top = loadRoot();
        if (!Amt.covers(top.height(), index)) {
            return Optional.empty();
        }
        AmtNode node = top.node();
        for (int height = top.height(); ; height--) {
            int slot = (int) ((index >>> (Amt.WIDTH_BITS * height)) & (Amt.WIDTH - 1));
            if (!node.has(slot)) {
                return Optional.empty();
            }
            if (height == 0) {
                return Optional.of(node.values().get(node.position(slot)).clone());
            }
            node = child(node.links().get(node.position(slot)), height - 1);
        }
    }

    private void walk(AmtNode node, int height, long offset, EntryVisitor visitor) {
        if (height == 0) {
            for (int slot = 0, i = 0; slot < Amt.WIDTH; slot++) {
                if (node.has(slot)) {
                    visitor.visit(offset + slot, node.values().get(i++));
                }
            }
            return;
        }
        long span = Amt.nodesForHeight(height);
        for (int slot = 0, i = 0; slot < Amt.WIDTH; slot++) {
            if (node.has(slot)) {
                walk(child(node.links().get(i++), height - 1), height - 1, offset + slot * span, visitor);
            }
        }
    }

    private void visitBlocks(AmtNode node, int height, BiConsumer<Cid, byte[]> visitor) {
        for (Cid link : node.links()) {
            byte[] bytes = load(link);
            AmtNode child = decodeNode(link, bytes, height - 1);
            visitor.accept(link, bytes);
            visitBlocks(child, height - 1, visitor);
        }
    }

    private AmtNode child(Cid cid, int height) {
        return decodeNode(cid, load(cid), height);
    }

    private AmtNode decodeNode(Cid cid, byte[] bytes, int height) {
        AmtNode node;
        try {
            CborReader in = new CborReader(bytes);
            node = AmtNode.read(in, bytes, height);
            in.finish();
        } catch (AmtException | CborException | IllegalStateException e) {
            throw new AmtException("decoding node " + cid + " of AMT " + root + ": " + e.getMessage(), e);
        }
        // go-amt-ipld drops a subtree once it empties, so only the root may be an empty node.
        if (node.isEmpty()) {
            throw new AmtException("node " + cid + " of AMT " + root + " is empty; only the root node may be");
        }
        return node;
    }

    private byte[] load(Cid cid) {
        return source.get(cid).orElseThrow(() -> new AmtBlockMissingException(cid, root));
    }
}
