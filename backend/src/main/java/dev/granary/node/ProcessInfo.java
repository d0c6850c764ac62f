package dev.granary.node;

import java.lang.management.ManagementFactory;

/** This process as other processes and operators see it. */
public final class ProcessInfo {

    private ProcessInfo() {}

    public static long pid() {
        return ProcessHandle.current().pid();
    }

    public static String hostName() {
        String name = ManagementFactory.getRuntimeMXBean().getName(); // "pid@host"
        int at = name.indexOf('@');
        return at >= 0 ? name.substring(at + 1) : name;
    }
}
