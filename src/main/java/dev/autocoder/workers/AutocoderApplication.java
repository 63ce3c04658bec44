package dev.autocoder.workers;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AutocoderApplication {
    public static void main(String[] args) {
        SpringApplication.run(AutocoderApplication.class, args);
    }
}
