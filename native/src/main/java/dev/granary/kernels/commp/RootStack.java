package dev.granary.kernels.commp;

import java.util.ArrayDeque;

import dev.granary.kernels.Kernels;

/**
 * Combines subtree roots given left to right into one tree: equal heights on top of the stack
 * merge, and missing right-hand subtrees are filled with zero subtrees. Heights on the stack
 * strictly decrease from bottom to top.
 */
final class RootStack {

    private final Kernels kernels;
    private final ArrayDeque<Subtree> stack = new ArrayDeque<>();

    RootStack(Kernels kernels) {
        this.kernels = kernels;
    }

    boolean isEmpty() {
        return stack.isEmpty();
    }

    int topHeight() {
        return stack.getLast().height();
    }

    /** Pushes the next subtree to the right; it may not be taller than the one before it. */
    void push(Subtree next) {
        Subtree node = next;
        while (!stack.isEmpty() && stack.getLast().height() == node.height()) {
            Subtree left = stack.removeLast();
            node = new Subtree(node.height() + 1, kernels.hashPair(left.rootUnsafe(), node.rootUnsafe()));
        }
        if (!stack.isEmpty() && stack.getLast().height() < node.height()) {
            throw new IllegalStateException("subtree of height " + node.height()
                    + " pushed after a smaller one of height " + stack.getLast().height());
        }
        stack.addLast(node);
    }

    /** Pads with zero subtrees until the top of the stack is at least {@code height} high. */
    void alignTo(int height) {
        while (!stack.isEmpty() && topHeight() < height) {
            push(zero(topHeight()));
        }
    }

    /**
     * Pads with zero subtrees until one root of {@code height} remains and returns it; throws if
     * the stack already holds more than that height covers.
     */
    Subtree finish(int height) {
        if (stack.isEmpty()) {
            throw new IllegalStateException("no subtrees to combine");
        }
        while (stack.size() > 1 || topHeight() < height) {
            push(zero(topHeight()));
        }
        if (topHeight() != height) {
            throw new IllegalStateException("the subtrees need height " + topHeight() + ", more than " + height);
        }
        return stack.getLast();
    }

    private static Subtree zero(int height) {
        return new Subtree(height, ZeroComm.ofHeight(height));
    }
}
