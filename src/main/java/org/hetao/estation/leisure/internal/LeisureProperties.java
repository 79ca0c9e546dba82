package org.hetao.estation.leisure.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the leisure data files are and how the port queue feed is read.
 *
 * @param location the folder (a Spring resource prefix, e.g. {@code classpath:leisure/} or
 * {@code file:/srv/estation/leisure/}) holding {@code ports.json}, {@code shuttle.json} and {@code places.json}
 * @param portFeed the port queue feed
 */
@ConfigurationProperties("estation.leisure")
public record LeisureProperties(String location, PortFeed portFeed) {

	public static final String BUNDLED = "classpath:leisure/";

	public LeisureProperties {
		location = location == null || location.isBlank() ? BUNDLED : location.endsWith("/") ? location : location + "/";
		portFeed = portFeed == null ? new PortFeed(null, null, null, null, null) : portFeed;
	}

	/**
	 * @param url the feed (the Immigration Department's {@code CPQueueTimeR.json} or a compatible one); empty:
	 * the shipped sample, marked as such on every page
	 * @param sample the sample read when no URL is set
	 * @param refreshInterval how often the feed is asked (the Department updates it about every 15 minutes)
	 * @param timeout how long one request may take
	 * @param staleAfter a reading older than this is said to be out of date
	 */
	public record PortFeed(String url, String sample, Duration refreshInterval, Duration timeout, Duration staleAfter) {

		public PortFeed {
			url = url == null ? "" : url.strip();
			sample = sample == null || sample.isBlank() ? BUNDLED + "port-waiting-sample.json" : sample;
			refreshInterval = refreshInterval == null ? Duration.ofMinutes(5) : refreshInterval;
			timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
			staleAfter = staleAfter == null ? Duration.ofMinutes(30) : staleAfter;
		}

		public boolean live() {
			return !url.isEmpty();
		}

	}

}
