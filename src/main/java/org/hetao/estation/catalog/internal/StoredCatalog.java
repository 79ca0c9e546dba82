package org.hetao.estation.catalog.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.hetao.estation.catalog.Catalog;
import org.hetao.estation.catalog.CatalogChanged;
import org.hetao.estation.catalog.Department;
import org.hetao.estation.catalog.Matter;
import org.hetao.estation.catalog.ServiceItem;
import org.hetao.estation.shared.StartupWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalogue: loaded from the data files when the application starts (before any other module can
 * read it), kept in the database, served from an in-memory snapshot that is swapped after every load or
 * import. Same data-file version as last applied: nothing is read beyond that version, nothing is written. New
 * version: the files are checked whole, then upserted, and what they no longer hold is retired.
 */
@Service
public class StoredCatalog implements Catalog, InitializingBean, SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(StoredCatalog.class);

	static final String LOADER = "catalog-loader";

	private final CatalogStore store;

	private final CatalogErrorMessages messages;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final String location;

	private final CatalogReader reader = new CatalogReader(CatalogJson.MAPPER);

	private volatile CatalogSnapshot snapshot = CatalogSnapshot.EMPTY;

	/** A change made while the context was starting, announced once it has started (listeners exist then). */
	private final List<CatalogChanged> pending = new ArrayList<>();

	private volatile boolean started;

	/** The start's load of the data files, on a thread of its own (see {@link #afterPropertiesSet()}). */
	private volatile CompletableFuture<LoadOutcome> firstLoad;

	StoredCatalog(CatalogStore store, CatalogErrorMessages messages, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, Clock clock,
			@Value("${estation.catalog.location:classpath:catalog/}") String location) {
		this.store = store;
		this.messages = messages;
		this.events = events;
		// TransactionTemplate (CONVENTIONS, one transaction style): the in-memory snapshot is refreshed only after the
		// catalogue's change has committed, and events held back during start-up are published in a transaction of their own
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.location = location;
	}

	/**
	 * Starts loading the data files on a thread of its own, so that the rest of the context is made meanwhile (a
	 * fresh database spends a second or more here on a quiet two-core machine: reading, checking and writing 360
	 * items). Nothing else reads the catalogue while the context is made; whatever asks first waits for the load, and
	 * the end of the singletons ({@link #afterSingletonsInstantiated()}, before the web server starts) waits for it
	 * too: files that cannot be loaded still stop the start with the same message, and readiness still means the
	 * catalogue is there.
	 */
	@Override
	public void afterPropertiesSet() {
		firstLoad = StartupWork.start("catalog-load", () -> load(location));
	}

	@Override
	public void afterSingletonsInstantiated() {
		StartupWork.await(firstLoad);
	}

	/** The snapshot, once the start's load is done. */
	private CatalogSnapshot current() {
		StartupWork.await(firstLoad);
		return snapshot;
	}

	/** The last change of the catalogue: its version, the data files' version, when and by whom. */
	public record LastChange(String version, String sourceVersion, java.time.Instant at, String by) {
	}

	public Optional<LastChange> lastChange() {
		return store.lastChange();
	}

	/** What a load did. */
	public record LoadOutcome(String version, boolean written, CatalogChanged changes) {
	}

	/**
	 * Loads the data files at {@code location}: checks them whole, then applies them when their version
	 * differs from the files last applied.
	 *
	 * @throws CatalogLoadException naming every fault (file, code, field) when the files are not whole
	 */
	public synchronized LoadOutcome load(String location) {
		// a restart on data already applied: the version alone says so, without reading the 2 MB of items (a
		// start-up cost); files of a new version are read and checked whole before anything is written
		Optional<CatalogStore.State> applied = store.state();
		String version = reader.version(location);
		if (version != null && applied.isPresent() && applied.get().sourceVersion().equals(version)) {
			return alreadyApplied(applied.get());
		}
		CatalogReader.Read read = reader.readFiles(location);
		List<CatalogError> errors = check(read, "catalog.json", "matters.json");
		if (!errors.isEmpty()) {
			String message = "The catalogue data at " + location + " cannot be loaded ("
					+ errors.size() + " fault(s)):" + messages.describeAll(errors, Locale.ENGLISH);
			throw new CatalogLoadException(message, errors);
		}
		CatalogDocument doc = read.document();
		Optional<CatalogStore.State> state = store.state();
		if (state.isPresent() && state.get().sourceVersion().equals(doc.version())) {
			return alreadyApplied(state.get());
		}
		CatalogChanged changed = transactions.execute(tx -> {
			CatalogStore.Changes changes = store.apply(doc, doc.version(), null, LOADER, clock.instant())
				.orElseThrow(() -> new IllegalStateException("The catalogue changed while it was being loaded"));
			CatalogChanged event = new CatalogChanged(doc.version(), changes.itemsAdded(), changes.itemsUpdated(),
					changes.itemsRetired());
			announce(event);
			return event;
		});
		log.info("Catalogue data {} applied: {} items added, {} updated, {} retired", doc.version(), changed.itemsAdded(),
				changed.itemsUpdated(), changed.itemsRetired());
		refresh();
		return new LoadOutcome(doc.version(), true, changed);
	}

	private LoadOutcome alreadyApplied(CatalogStore.State state) {
		log.info("Catalogue data {} already applied (catalogue version {}): nothing to do", state.sourceVersion(),
				state.version());
		refresh();
		return new LoadOutcome(state.version(), false, null);
	}

	/** Reads and checks catalogue data from any source; every fault, reading and rules together. */
	static List<CatalogError> check(CatalogReader.Read read, String catalogSource, String matterSource) {
		List<CatalogError> errors = new ArrayList<>(read.errors());
		new CatalogRules(read::itemSource, catalogSource, matterSource).check(read.document())
			.stream()
			.filter(e -> !errors.contains(e))
			.forEach(errors::add);
		return errors;
	}

	/** Applies an already checked document as an administrator's import; call from {@link CatalogImports}. */
	Optional<CatalogChanged> applyImport(CatalogDocument doc, String expectedVersion, String by) {
		Optional<CatalogChanged> changed = transactions.execute(tx -> store.apply(doc, null, expectedVersion, by, clock.instant())
			.map(c -> {
				CatalogChanged event = new CatalogChanged(doc.version(), c.itemsAdded(), c.itemsUpdated(),
						c.itemsRetired());
				announce(event);
				return event;
			}));
		refresh();
		return changed;
	}

	private void announce(CatalogChanged event) {
		if (started) {
			events.publishEvent(event);
		}
		else {
			synchronized (pending) {
				pending.add(event);
			}
		}
	}

	@EventListener(ApplicationStartedEvent.class)
	void announcePending() {
		started = true;
		List<CatalogChanged> toPublish;
		synchronized (pending) {
			toPublish = List.copyOf(pending);
			pending.clear();
		}
		if (!toPublish.isEmpty()) {
			transactions.executeWithoutResult(tx -> toPublish.forEach(events::publishEvent));
		}
	}

	/** Another instance of the application may have imported a new catalogue: follow it. */
	@Scheduled(fixedDelayString = "${estation.catalog.refresh-interval:PT1M}", initialDelayString = "${estation.catalog.refresh-interval:PT1M}")
	void followOtherInstances() {
		store.state()
			.filter(s -> !s.version().equals(snapshot.version()))
			.ifPresent(s -> refresh());
	}

	void refresh() {
		snapshot = store.snapshot();
	}

	/** The whole catalogue as it is now (themes, domains, counts included): for this module's pages and API. */
	public CatalogSnapshot snapshot() {
		return current();
	}

	@Override
	public List<Department> departments() {
		return current().departments();
	}

	@Override
	public Optional<Department> department(String code) {
		return current().department(code);
	}

	@Override
	public List<ServiceItem> items() {
		return current().items();
	}

	@Override
	public Optional<ServiceItem> item(String code) {
		return current().item(code);
	}

	@Override
	public List<Matter> matters() {
		return current().matters();
	}

	@Override
	public Optional<Matter> matter(String code) {
		return current().matter(code);
	}

	@Override
	public String version() {
		return current().version();
	}

}
