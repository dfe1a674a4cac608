package io.maple.embeddeddb;

import java.nio.file.Path;

/** Another process runs an embedded MariaDB on this data dir; nothing in the dir was touched. */
public class DataDirInUseException extends IllegalStateException {

    public DataDirInUseException(Path dir, String holder) {
        super("the embedded MariaDB's data dir " + dir + " is in use by another process" + holder
                + ": stop it first, or use another dir");
    }
}
