package org.hetao.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The start-up yardstick: a Spring Boot application with nothing of its own (one endpoint), started on the
 * application's own class path, so every starter of the platform (web MVC, Thymeleaf, security, Spring Session
 * JDBC, Data JDBC, Flyway, actuator, Modulith, springdoc, mail, OAuth2 client) configures itself as it does for the
 * platform, on the same embedded H2. Outside the application's package, so it finds none of its beans.
 * {@code bench/run} times it from launch to readiness next to the platform's own start.
 */
@SpringBootApplication
@RestController
public class BareApp {

	@GetMapping("/bare")
	String bare() {
		return "bare";
	}

	public static void main(String[] args) {
		SpringApplication.run(BareApp.class, args);
	}

}
