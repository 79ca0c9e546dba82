package org.hetao.estation.leisure.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

import org.hetao.estation.shared.LiveInformation;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** The leisure data read at start-up (a faulty file stops the start with every fault listed) and the feed. */
@EnableConfigurationProperties(LeisureProperties.class)
@Configuration(proxyBeanMethods = false)
class LeisureConfiguration {

	@Bean
	LeisureData leisureData(LeisureProperties properties, ResourceLoader resources) {
		return new LeisureDataReader(resources).read(properties.location());
	}

	@Bean
	PortQueueFeed portQueueFeed(LeisureProperties properties, Clock clock, ResourceLoader resources) {
		LeisureProperties.PortFeed feed = properties.portFeed();
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(feed.timeout())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		return new PortQueueFeed(feed, clock, http, () -> {
			try (InputStream in = resources.getResource(feed.sample()).getInputStream()) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
	}

	/** The catalogue's leisure items lead to the page with their live information; the theme to {@code /leisure}. */
	@Bean
	LiveInformation leisureLiveInformation(LeisureData data) {
		return new LiveInformation() {

			@Override
			public Optional<Link> forItem(String itemCode) {
				return data.pageForItem(itemCode).map(path -> new Link(path, "leisure.live." + path.substring("/leisure/".length())));
			}

			@Override
			public Optional<Link> forTheme(String themeCode) {
				return "LEISURE_INFORMATION".equals(themeCode) ? Optional.of(new Link("/leisure", "leisure.live.theme"))
						: Optional.empty();
			}

		};
	}

}
