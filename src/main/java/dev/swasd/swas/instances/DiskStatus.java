package dev.swasd.swas.instances;

import dev.swasd.store.DiskRecord;
import java.util.List;

/** Disk states (ListDisks' Status enum) the actions drive: In_use, and ReIniting while ResetDisk rolls it back. */
public enum DiskStatus {
    In_use,
    ReIniting,
    Creating;

    /** Whether a disk of the list is being rolled back at {@code now}, so its server must wait. */
    static boolean anyBusy(List<DiskRecord> disks, long now) {
        return disks.stream().anyMatch(d -> !In_use.name().equals(d.status(now)));
    }
}
