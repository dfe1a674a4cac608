package io.maple.activities.log;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Reading execution logs ({@code maple.logs.*}).
 *
 * @param countLimit logs up to this size are counted for a page's {@code total} (about 30 ms per 64 MB);
 *                   a tail of a larger log leaves {@code total} out rather than read it all
 */
@ConfigurationProperties("maple.logs")
public record LogProperties(@DefaultValue("64MB") DataSize countLimit) {
}
