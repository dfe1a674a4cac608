package io.maple.persistence;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The smallest Boot app that carries Maple's persistence, for this module's tests. */
@SpringBootApplication
@Import(PersistenceConfiguration.class)
public class PersistenceTestApp {
}
