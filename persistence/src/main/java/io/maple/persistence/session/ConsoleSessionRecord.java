package io.maple.persistence.session;

import java.time.Instant;

/** One row of {@code maple_console_session}: a console sign-in, known by the hash of its cookie's token. */
public record ConsoleSessionRecord(String tokenHash, String app, String remoteAddr, Instant createTime,
                                   Instant expireTime) {
}
