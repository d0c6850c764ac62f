package dev.granary.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KernelsLoaderTest {

    @Test
    void autoPrefersNativeWhenItLoads() {
        assertEquals("native", KernelsLoader.choose("auto").name());
        assertEquals("native", KernelsLoader.choose("").name());
    }

    @Test
    void settingsForceAChoice() {
        assertSame(Kernels.java(), KernelsLoader.choose("java"));
        assertEquals("java", KernelsLoader.choose(" JAVA ").name());
        assertSame(Kernels.nativeKernels(), KernelsLoader.choose("native"));
    }

    @Test
    void unknownSettingIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelsLoader.choose("gpu"));
        assertEquals("granary.kernels=gpu is not one of auto, native, java", e.getMessage());
    }

    @Test
    void javaKernelsDescribeThemselves() {
        assertEquals("java (MessageDigest)", Kernels.java().detail());
    }
}
