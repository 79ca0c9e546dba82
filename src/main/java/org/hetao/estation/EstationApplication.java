package org.hetao.estation;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Hetao e-Station (河套e站通): the one-stop, cross-border service platform of the Hetao
 * Shenzhen-Hong Kong Science and Technology Innovation Cooperation Zone.
 *
 * <p>Each direct subpackage is an application module (Spring Modulith); see {@code ModularityTests}.
 */
@SpringBootApplication(proxyBeanMethods = false)
@EnableScheduling
public class EstationApplication {

	/** The platform's clock: Asia/Shanghai is the zone's time (UTC+8, the same as Hong Kong). Tests may replace it. */
	@Bean
	Clock clock() {
		return Clock.system(ZONE);
	}

	/** The platform's zone: {@link org.hetao.estation.shared.Zone#ID}. */
	public static final ZoneId ZONE = org.hetao.estation.shared.Zone.ID;

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(EstationApplication.class);
		var trace = Boolean.getBoolean("estation.startup.trace")
				? new org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup(50_000) : null;
		if (trace != null) {
			application.setApplicationStartup(trace);
		}
		application.run(args);
		if (trace != null) {
			StartupTrace.print(trace.getBufferedTimeline(), System.out);
		}
	}

}
