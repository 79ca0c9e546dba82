package org.hetao.estation.hall.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;

import org.hetao.estation.hall.TicketCalled;
import org.hetao.estation.shared.Language;
import org.hetao.estation.shared.OnCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The hall's display boards connected to this node, kept up to date by server-sent events. A call made
 * here is pushed at once (after its transaction commits); calls made on other nodes are found by polling
 * the database every two seconds, so every node's boards show every call.
 */
@Component
public class Board {

	private static final Logger log = LoggerFactory.getLogger(Board.class);

	static final String EVENT = "board";

	private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();

	private final ExecutorService pusher = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "hall-board");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicReference<String> lastVersion = new AtomicReference<>("");

	private final QueueTickets tickets;

	private final HallSettings settings;

	private final ITemplateEngine templates;

	private final MessageSource messages;

	private final Clock clock;

	public Board(QueueTickets tickets, HallSettings settings, ITemplateEngine templates, MessageSource messages,
			Clock clock) {
		this.tickets = tickets;
		this.settings = settings;
		this.templates = templates;
		this.messages = messages;
		this.clock = clock;
	}

	/** What the board shows. */
	public record Snapshot(LocalDate day, List<QueueTickets.Call> latestPerWindow, List<QueueTickets.Call> recent,
			Map<String, Integer> waiting, List<HallSettings.Category> categories, String version) {
	}

	public Snapshot snapshot() {
		LocalDate day = LocalDate.now(clock);
		return new Snapshot(day, tickets.latestCallPerWindow(day), tickets.recentCalls(day, 8), tickets.waitingCounts(day),
				settings.categories(), tickets.boardVersion(day));
	}

	/** The model of the board's live part, for the page and for each pushed update. */
	public Map<String, Object> model(Snapshot snapshot) {
		return Map.of("board", snapshot, "t", new Bilingual(messages), "windows", settings.windows());
	}

	public SseEmitter connect() {
		SseEmitter emitter = new SseEmitter(30 * 60 * 1000L);
		emitters.add(emitter);
		emitter.onCompletion(() -> emitters.remove(emitter));
		emitter.onTimeout(() -> emitters.remove(emitter));
		emitter.onError(e -> emitters.remove(emitter));
		return emitter;
	}

	int connected() {
		return emitters.size();
	}

	/**
	 * A call made on this node is pushed as soon as its transaction commits, on the board's own thread:
	 * the caller's thread (and its database connection) is never held up by the boards. A plain listener
	 * with its own synchronization, so no event publication is stored for it.
	 */
	@EventListener
	void on(TicketCalled called) {
		OnCommit.run(this::pushSoon);
	}

	private void pushSoon() {
		if (!emitters.isEmpty()) {
			pusher.execute(() -> refresh(true));
		}
	}

	@PreDestroy
	void stop() {
		pusher.shutdownNow();
	}

	@Scheduled(fixedDelayString = "${estation.hall.board-poll-ms:2000}", initialDelay = 2000)
	void poll() {
		refresh(false);
	}

	@Scheduled(fixedDelay = 20000, initialDelay = 20000)
	void keepAlive() {
		for (SseEmitter emitter : emitters) {
			try {
				emitter.send(SseEmitter.event().comment("keep-alive"));
			}
			catch (IOException | IllegalStateException gone) {
				emitters.remove(emitter);
			}
		}
	}

	private void refresh(boolean force) {
		if (emitters.isEmpty()) {
			return;
		}
		try {
			Snapshot snapshot = snapshot();
			String previous = lastVersion.getAndSet(snapshot.version());
			if (!force && snapshot.version().equals(previous)) {
				return;
			}
			Context context = new Context(Language.ZH_HANT.locale(), model(snapshot));
			String html = templates.process("hall/board-live", context);
			for (SseEmitter emitter : emitters) {
				try {
					emitter.send(SseEmitter.event().name(EVENT).data(html));
				}
				catch (IOException | IllegalStateException gone) {
					emitters.remove(emitter);
				}
			}
		}
		catch (RuntimeException e) {
			log.warn("Could not refresh the hall board: {}", e.getMessage());
		}
	}

}
