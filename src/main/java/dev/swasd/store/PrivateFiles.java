package dev.swasd.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The data directory is the owner's alone: directories are made 0700 and files 0600 as they are
 * created (the mode is passed to mkdir and open, so the umask can only narrow it and there is no
 * moment when another user could open them); a directory that others may write is refused, since
 * whoever can write it can replace the database or the keys.
 */
public final class PrivateFiles {
    public static final FileAttribute<Set<PosixFilePermission>> FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    public static final FileAttribute<Set<PosixFilePermission>> DIRECTORY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    private PrivateFiles() {}

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Creates {@code dir} and any missing parent, each 0700; an existing directory is left as it is. */
    public static void createDirectories(Path dir) throws IOException {
        if (posix(dir)) {
            Files.createDirectories(dir, DIRECTORY);
        } else {
            Files.createDirectories(dir);
        }
    }

    /** Creates {@code file} empty with mode 0600 unless it exists. */
    public static void createFileIfMissing(Path file) throws IOException {
        try {
            if (posix(file)) {
                Files.createFile(file, FILE);
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException ignored) {
            // someone made it first, or it was there: its mode is its owner's choice
        }
    }

    /** Opens {@code file} for reading and writing, creating it with mode 0600 when missing. */
    public static FileChannel openOrCreate(Path file) throws IOException {
        Set<StandardOpenOption> options =
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        return posix(file) ? FileChannel.open(file, options, FILE) : FileChannel.open(file, options);
    }

    /**
     * The reason {@code dir} must not hold swasd's data, or null when it may: others than its owner
     * can write it (group or other write permission).
     */
    public static String othersCanWrite(Path dir) throws IOException {
        if (!Files.isDirectory(dir) || !posix(dir)) {
            return null;
        }
        Set<PosixFilePermission> perms = Files.getFileAttributeView(dir, PosixFileAttributeView.class)
                .readAttributes()
                .permissions();
        if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
            return "the data directory " + dir + " is writable by other users (mode "
                    + PosixFilePermissions.toString(perms) + "); make it the owner's alone (chmod 700 " + dir
                    + ")";
        }
        return null;
    }
}
