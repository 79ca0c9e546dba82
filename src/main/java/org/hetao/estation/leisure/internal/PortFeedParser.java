package org.hetao.estation.leisure.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hetao.estation.leisure.PortQueues.Queue;
import org.hetao.estation.leisure.QueueLevel;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the Hong Kong Immigration Department's land control point queue feed ({@code CPQueueTimeR.json}):
 * an object keyed by control point code, each {@code {"arrQueue": n, "depQueue": n}}. A code the feed adds
 * later is kept; a level it adds later reads as {@link QueueLevel#UNKNOWN}; members that are not control points
 * (the shipped sample's {@code "_sample"} remark) are skipped.
 */
public final class PortFeedParser {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private PortFeedParser() {
	}

	/** Thrown when the text is not such a feed at all. */
	public static class InvalidFeedException extends RuntimeException {

		InvalidFeedException(String message, Throwable cause) {
			super(message, cause);
		}

	}

	public static Map<String, Queue> parse(String body) {
		JsonNode root;
		try {
			root = JSON.readTree(body);
		}
		catch (JacksonException e) {
			throw new InvalidFeedException("not JSON: " + e.getOriginalMessage(), e);
		}
		if (root == null || !root.isObject()) {
			throw new InvalidFeedException("not a JSON object", null);
		}
		Map<String, Queue> queues = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> member : root.properties()) {
			JsonNode value = member.getValue();
			if (!value.isObject() || !member.getKey().matches("[A-Z]{2,5}")) {
				continue;
			}
			queues.put(member.getKey(), new Queue(level(value.get("arrQueue")), level(value.get("depQueue"))));
		}
		if (queues.isEmpty()) {
			throw new InvalidFeedException("no control points in the feed", null);
		}
		return queues;
	}

	private static QueueLevel level(JsonNode node) {
		if (node == null) {
			return QueueLevel.UNKNOWN;
		}
		if (node.isIntegralNumber()) {
			return QueueLevel.ofFeedCode(node.intValue());
		}
		if (node.isString() && node.stringValue().strip().matches("-?\\d{1,3}")) {
			return QueueLevel.ofFeedCode(Integer.parseInt(node.stringValue().strip()));
		}
		return QueueLevel.UNKNOWN;
	}

}
