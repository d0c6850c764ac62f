package dev.granary.ui.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.granary.chain.ChainApi;
import dev.granary.chain.types.TipSet;
import dev.granary.testing.TestNode;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Chain view's window of recent tipsets against a real chain on the manual clock, counting what it
 * asks the chain for: a new head must cost only the tipsets that are new, not a walk of the whole window.
 */
class RecentTipsetsTest {

    @TempDir
    static Path home;
    static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start(home, Optional.empty());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void readsEachTipsetOnceWhileItStaysInTheWindow() {
        Counting chain = new Counting(node.node().chain());
        RecentTipsets recent = new RecentTipsets();
        TipSet head = headAfter(3);

        List<TipsetSummary> first = recent.endingAt(chain.api(), head);
        assertEquals(heightsDownFrom(head.height(), (int) Math.min(head.height() + 1, RecentTipsets.SHOWN)), heights(first));
        assertEquals(first.size() - (first.getLast().height() == 0 ? 1 : 0), chain.calls("chainGetTipSet"),
            "each tipset's parent is read once; genesis has none");

        chain.reset();
        assertEquals(first, recent.endingAt(chain.api(), head));
        assertEquals(Map.of(), chain.calls, "the same head again asks the chain for nothing");

        TipSet next = headAfter(1);
        List<TipsetSummary> second = recent.endingAt(chain.api(), next);
        assertEquals(next.height(), second.getFirst().height());
        assertEquals(first.subList(0, second.size() - 1), second.subList(1, second.size()),
            "the rest is the earlier window, less its oldest when it was full");
        assertEquals(1, chain.calls("chainGetTipSet"), "only the new head's parent is read: " + chain.calls);
        assertEquals(next.blocks().size(), chain.calls("chainGetBlockMessages"), "only the new head's messages are read");
    }

    @Test
    void showsTheLastThirtyWhenTheChainIsLonger() {
        TipSet head = headAfter(RecentTipsets.SHOWN + 2);
        Counting chain = new Counting(node.node().chain());
        List<TipsetSummary> recent = new RecentTipsets().endingAt(chain.api(), head);
        assertEquals(heightsDownFrom(head.height(), RecentTipsets.SHOWN), heights(recent));
        assertEquals(RecentTipsets.SHOWN, chain.calls("chainGetTipSet"), "the oldest shown needs its parent for its interval");
    }

    private static TipSet headAfter(long epochs) {
        node.advanceEpochs(epochs);
        return node.node().chain().chainHead();
    }

    private static List<Long> heights(List<TipsetSummary> summaries) {
        return summaries.stream().map(TipsetSummary::height).toList();
    }

    private static List<Long> heightsDownFrom(long head, int count) {
        return LongStream.range(0, count).map(i -> head - i).boxed().toList();
    }

    /** The real chain behind a proxy that counts calls by method name. */
    private static final class Counting implements InvocationHandler {

        private final ChainApi real;
        private final Map<String, Integer> calls = new HashMap<>();

        Counting(ChainApi real) {
            this.real = real;
        }

        ChainApi api() {
            return (ChainApi) Proxy.newProxyInstance(ChainApi.class.getClassLoader(), new Class<?>[] {ChainApi.class}, this);
        }

        int calls(String method) {
            return calls.getOrDefault(method, 0);
        }

        void reset() {
            calls.clear();
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            calls.merge(method.getName(), 1, Integer::sum);
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
