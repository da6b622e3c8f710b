package org.anning;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The whole application on a fresh embedded PostgreSQL with demo data, served on a random port and through
 * MockMvc. Every test class with this annotation shares one context (and one database), so tests create
 * their own records instead of relying on a clean slate.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@org.springframework.context.annotation.Import(MovableClockConfiguration.class)
public @interface AnningTest {
}
