package dev.example.host;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Stands for an existing Camel Spring Boot application that adds the autocoder-workers jar and instantiates a
 * worker from its own YAML (host-routes/host-workers.yaml). It declares no beans of ours.
 */
@SpringBootApplication
public class HostApplication {
}
