package dev.beacon;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Boot configuration for tests of tracking-carriers (the module supplies the mapping
 * tables itself).
 */
@SpringBootApplication
public class CarriersTestApplication {

}
