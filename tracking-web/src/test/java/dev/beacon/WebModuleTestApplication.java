package dev.beacon;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The boot configuration of tracking-web's {@code @ApplicationModuleTest}s (Spring
 * Modulith looks upward for a {@code @SpringBootApplication}). It sits at the root
 * package so that Modulith sees every module, core's from its jar and web from here;
 * Modulith then starts only the module under test and the modules it depends on. The page
 * and API tests find their own, closer configurations.
 */
@SpringBootApplication
public class WebModuleTestApplication {

}
