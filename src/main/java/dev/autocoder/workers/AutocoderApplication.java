package dev.autocoder.workers;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The Autocoder Workers application: every worker and the dashboard in one process. The beans come from
 * {@link dev.autocoder.workers.config.AutocoderAutoConfiguration}, exactly as in a host application.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class AutocoderApplication {
    public static void main(String[] args) {
        SpringApplication.run(AutocoderApplication.class, args);
    }
}
