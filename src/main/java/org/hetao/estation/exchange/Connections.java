package org.hetao.estation.exchange;

import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.hetao.estation.casework.DepartmentSystems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The connected departments, from configuration. A department listed without an endpoint is connectable but not
 * connected: its officers keep using the work queue. A connection with an endpoint but a missing or short secret
 * stops the start (never run a connection unsigned).
 */
@EnableConfigurationProperties(ExchangeProperties.class)
@Component
class Connections implements DepartmentSystems {

	private static final Logger log = LoggerFactory.getLogger(Connections.class);

	/** One connected department's system. */
	record Connection(String departmentCode, URI endpoint, String secret, boolean fullIdentity) {

		@Override
		public String toString() {
			return "Connection[" + departmentCode + " → " + endpoint + "]";
		}
	}

	private final List<Connection> connections = new ArrayList<>();

	private final DownloadLinks links;

	Connections(ExchangeProperties properties) {
		properties.getConnections().forEach((code, c) -> {
			if (c.getEndpoint() == null || c.getEndpoint().isBlank()) {
				return;
			}
			if (c.getSecret() == null || c.getSecret().length() < 32) {
				throw new IllegalStateException("estation.exchange.connections." + code
						+ ".secret must have at least 32 characters when an endpoint is set");
			}
			URI endpoint = URI.create(c.getEndpoint().strip());
			if (!"https".equals(endpoint.getScheme()) && !"http".equals(endpoint.getScheme())) {
				throw new IllegalStateException("estation.exchange.connections." + code + ".endpoint must be http(s)");
			}
			connections.add(new Connection(code, endpoint, c.getSecret(), c.isFullIdentity()));
			log.info("Department {} is connected: accepted tasks go to {}", code, endpoint);
		});
		String linkSecret = properties.getLinkSecret();
		if (linkSecret == null || linkSecret.isBlank()) {
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			linkSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			if (!connections.isEmpty()) {
				log.warn("estation.exchange.link-secret is not set: material links are signed with a random key valid "
						+ "until this node stops (set it on a cluster)");
			}
		}
		this.links = new DownloadLinks(linkSecret, properties.getLinkTtl());
	}

	@Override
	public boolean connected(String departmentCode) {
		return find(departmentCode).isPresent();
	}

	Optional<Connection> find(String departmentCode) {
		return connections.stream().filter(c -> c.departmentCode().equals(departmentCode)).findFirst();
	}

	List<Connection> all() {
		return List.copyOf(connections);
	}

	DownloadLinks links() {
		return links;
	}

}
