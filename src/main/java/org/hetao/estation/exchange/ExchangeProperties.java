package org.hetao.estation.exchange;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which departments are connected, and how the exchange behaves ({@code estation.exchange.*}). A department is
 * connected when its {@code endpoint} and {@code secret} are both set; secrets come from the environment, never
 * from the repository.
 */
@ConfigurationProperties("estation.exchange")
public class ExchangeProperties {

	/** Department code → its system's connection. */
	private Map<String, Connection> connections = new LinkedHashMap<>();

	/** How often the dispatcher looks for due messages. */
	private Duration dispatchDelay = Duration.ofSeconds(10);

	/** Attempts before a message becomes a dead letter. */
	private int maxAttempts = 8;

	/** The first retry waits up to this; each further one twice as long… */
	private Duration retryBase = Duration.ofSeconds(30);

	/** …but never longer than this. */
	private Duration retryMax = Duration.ofHours(1);

	/** How far a signed request's timestamp may be from now, either way. */
	private Duration replayWindow = Duration.ofMinutes(5);

	/** How long a material download link is valid. */
	private Duration linkTtl = Duration.ofHours(1);

	/** Key of the material download links; at least 32 characters. Blank: a random one per start (one node only). */
	private String linkSecret = "";

	/** The platform's address as the department systems reach it; blank: http://localhost:<port>. */
	private String publicBaseUrl = "";

	private Duration connectTimeout = Duration.ofSeconds(5);

	private Duration requestTimeout = Duration.ofSeconds(15);

	public static class Connection {

		/** Where accepted tasks are POSTed; blank: the department is not connected. */
		private String endpoint = "";

		/** The shared HMAC secret (at least 32 characters), used both ways. */
		private String secret = "";

		/** Whether the department may see the applicant's whole identity document number and phone. */
		private boolean fullIdentity;

		public String getEndpoint() {
			return endpoint;
		}

		public void setEndpoint(String endpoint) {
			this.endpoint = endpoint;
		}

		public String getSecret() {
			return secret;
		}

		public void setSecret(String secret) {
			this.secret = secret;
		}

		public boolean isFullIdentity() {
			return fullIdentity;
		}

		public void setFullIdentity(boolean fullIdentity) {
			this.fullIdentity = fullIdentity;
		}

	}

	public Map<String, Connection> getConnections() {
		return connections;
	}

	public void setConnections(Map<String, Connection> connections) {
		this.connections = connections;
	}

	public Duration getDispatchDelay() {
		return dispatchDelay;
	}

	public void setDispatchDelay(Duration dispatchDelay) {
		this.dispatchDelay = dispatchDelay;
	}

	public int getMaxAttempts() {
		return maxAttempts;
	}

	public void setMaxAttempts(int maxAttempts) {
		this.maxAttempts = maxAttempts;
	}

	public Duration getRetryBase() {
		return retryBase;
	}

	public void setRetryBase(Duration retryBase) {
		this.retryBase = retryBase;
	}

	public Duration getRetryMax() {
		return retryMax;
	}

	public void setRetryMax(Duration retryMax) {
		this.retryMax = retryMax;
	}

	public Duration getReplayWindow() {
		return replayWindow;
	}

	public void setReplayWindow(Duration replayWindow) {
		this.replayWindow = replayWindow;
	}

	public Duration getLinkTtl() {
		return linkTtl;
	}

	public void setLinkTtl(Duration linkTtl) {
		this.linkTtl = linkTtl;
	}

	public String getLinkSecret() {
		return linkSecret;
	}

	public void setLinkSecret(String linkSecret) {
		this.linkSecret = linkSecret;
	}

	public String getPublicBaseUrl() {
		return publicBaseUrl;
	}

	public void setPublicBaseUrl(String publicBaseUrl) {
		this.publicBaseUrl = publicBaseUrl;
	}

	public Duration getConnectTimeout() {
		return connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getRequestTimeout() {
		return requestTimeout;
	}

	public void setRequestTimeout(Duration requestTimeout) {
		this.requestTimeout = requestTimeout;
	}

}
