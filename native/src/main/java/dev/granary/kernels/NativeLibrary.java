package dev.granary.kernels;

import java.nio.ByteBuffer;
import java.util.function.Supplier;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * libgranary.so as every kernel family binds it: JNA direct mapping of one library packaged as
 * {@code linux-x86-64/libgranary.so}, loaded once per binding class, and direct buffers passed as
 * pointers. A family that cannot load reports why instead of failing the class initialisation.
 */
public final class NativeLibrary {

    public static final String NAME = "granary";

    private NativeLibrary() {
    }

    /** Binds the {@code native} methods of {@code bindings} to libgranary.so (call from its static initialiser). */
    public static void register(Class<?> bindings) {
        Native.register(bindings, NAME);
    }

    /** The kernels, or why libgranary.so could not back them. */
    public record Loaded<T>(T instance, String failure) {
        public T require() {
            if (instance == null) {
                throw new IllegalStateException(failure);
            }
            return instance;
        }
    }

    /** Initialises {@code bindings} (which registers its natives) and then makes the kernels with {@code factory}. */
    public static <T> Loaded<T> load(Class<?> bindings, Supplier<T> factory, String what) {
        try {
            Class.forName(bindings.getName(), true, bindings.getClassLoader());
            return new Loaded<>(factory.get(), null);
        } catch (LinkageError | ReflectiveOperationException | RuntimeException e) {
            return new Loaded<>(null, what + " unavailable: cannot load lib" + NAME + ".so ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    /** The address of {@code buffer}'s position; the caller keeps the buffer reachable during the call. */
    public static Pointer pointerAt(ByteBuffer buffer) {
        return Native.getDirectBufferPointer(buffer).share(buffer.position());
    }

    /** Native code reads and writes memory directly, so heap buffers are refused rather than copied. */
    public static void requireDirect(ByteBuffer buffer, String role) {
        if (!buffer.isDirect()) {
            throw new IllegalArgumentException("native kernels need direct buffers; " + role + " is a heap buffer");
        }
    }
}
