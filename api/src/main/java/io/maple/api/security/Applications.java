package io.maple.api.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maple.api.config.SecurityProperties;
import io.maple.api.web.ConflictException;
import io.maple.api.web.RememberedLookup;
import io.maple.persistence.GeneratedId;
import io.maple.persistence.application.ApplicationMapper;
import io.maple.persistence.application.ApplicationRecord;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The calling applications: looked up per request (remembered for {@code maple.security.app-cache}),
 * created by admins, and the bootstrap admin ensured at startup.
 */
@Component
public class Applications implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Applications.class);
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final ApplicationMapper mapper;
    private final AccessKeys keys;
    private final SecurityProperties properties;
    private final ObjectMapper json;
    private final Clock clock;
    /** Every authenticated request looks its app up: once per {@code maple.security.app-cache} instead. */
    private final RememberedLookup<String, ApplicationRecord> byName;
    /** The host columns as read, by their stored text: a handful of distinct values, one per app. */
    private final Map<String, List<String>> hostLists = new ConcurrentHashMap<>();

    public Applications(ApplicationMapper mapper, AccessKeys keys, SecurityProperties properties, ObjectMapper json,
                        Clock clock) {
        this.mapper = mapper;
        this.keys = keys;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.byName = new RememberedLookup<>(mapper::findByName, properties.appCache(), clock);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (SecurityProperties.LOCAL_SECRET.equals(properties.secret())
                || SecurityProperties.LOCAL_ADMIN_KEY.equals(properties.bootstrapAdminKey())) {
            log.warn("maple.security.secret or bootstrap-admin-key is the local default: set both outside development");
        }
        String name = properties.bootstrapAdminApp();
        if (mapper.findByName(name) != null) {
            return;
        }
        try {
            Instant now = clock.instant();
            mapper.insert(new ApplicationRecord(null, name, keys.storedBootstrapKey(),
                    write(properties.bootstrapAdminHosts()), write(List.of()), true,
                    "bootstrap admin from maple.security.bootstrap-admin-key", now, now), new GeneratedId());
            log.info("created bootstrap admin app '{}'", name);
        } catch (DuplicateKeyException e) {
            // another API instance created it first
        }
    }

    public ApplicationRecord find(String name) {
        return byName.get(name);
    }

    public List<ApplicationRecord> all() {
        return mapper.findAll();
    }

    /** Stores a new app and returns it with its key, which is never retrievable again. */
    public Created create(String name, boolean admin, List<String> legalHosts, List<String> webhookHosts,
                          String description) {
        legalHosts.forEach(CidrRange::parse);
        AccessKeys.Issued issued = keys.issue(name);
        Instant now = clock.instant();
        ApplicationRecord record = new ApplicationRecord(null, name, issued.stored(), write(legalHosts),
                write(webhookHosts), admin, description, now, now);
        try {
            mapper.insert(record, new GeneratedId());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("application '" + name + "' exists");
        }
        return new Created(mapper.findByName(name), issued.key());
    }

    public List<String> legalHosts(ApplicationRecord app) {
        return read(app.legalHosts());
    }

    /** Whether a request from {@code remote} (the servlet's literal address) may act as the app: its legal hosts. */
    public boolean allowsHost(ApplicationRecord app, String remote) {
        var hosts = legalHosts(app);
        if (hosts.isEmpty()) {
            return true; // no list: any host
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(remote); // the servlet's remote address is a literal: no lookup
        } catch (UnknownHostException e) {
            return false;
        }
        for (String cidr : hosts) {
            try {
                if (CidrRange.parse(cidr).contains(address)) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                // a malformed stored entry allows nobody
            }
        }
        return false;
    }

    public List<String> webhookHosts(ApplicationRecord app) {
        return read(app.webhookHosts());
    }

    private List<String> read(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return hostLists.computeIfAbsent(text, this::parse);
    }

    private List<String> parse(String text) {
        try {
            List<String> values = json.readValue(text, STRINGS);
            return values == null ? List.of() : Collections.unmodifiableList(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maple_application holds a non-list host column: " + text, e);
        }
    }

    private String write(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A created app and its key (shown once). */
    public record Created(ApplicationRecord application, String key) {
    }
}
