package org.hetao.estation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test for each convention written down in {@code docs/CONVENTIONS.md} ("Conventions the build checks"): what
 * the convention is and why is said there; this says what breaks it.
 */
class ConventionsTests {

	static final String BASE = "org.hetao.estation";

	static final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(BASE);

	/** A module's {@code internal} and {@code web} packages are its own: no other module's class uses a type in them. */
	@Test
	void aModulesInternalAndWebTypesAreUsedOnlyInsideIt() {
		classes().that()
			.resideInAPackage(BASE + "..")
			.should(new ArchCondition<JavaClass>("use no type of another module's internal or web package") {
				@Override
				public void check(JavaClass type, ConditionEvents events) {
					Optional<String> own = module(type);
					type.getDirectDependenciesFromSelf().forEach(dependency -> {
						JavaClass target = dependency.getTargetClass().getBaseComponentType();
						Optional<String> theirs = module(target);
						if (theirs.isPresent() && !theirs.equals(own) && insides(target)) {
							events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
						}
					});
				}
			})
			.check(classes);
	}

	/**
	 * One clock: the time of day comes from the injected {@link Clock} ({@code now(clock)}), never from {@code now()}
	 * without it. The few places below must follow the machine's own time whatever a test sets the clock to.
	 */
	@Test
	void theTimeComesFromTheInjectedClock() {
		List<String> machineTime = List.of(
				// the platform's Clock bean itself
				BASE + ".EstationApplication",
				// a generated development certificate is valid from the real now: the JDK checks it against the machine
				BASE + ".certificates.SigningKey",
				// Spring Security's UserDetails asks whether the account is locked without handing a clock
				BASE + ".identity.EstationUser",
				// a static document check (a birth date after today), called where no clock is at hand
				BASE + ".identity.IdentityDocuments");
		noClasses().that()
			.resideInAPackage(BASE + "..")
			.and(DescribedPredicate.describe("are not among " + machineTime,
					(JavaClass c) -> !machineTime.contains(c.getName())))
			.should()
			.callMethodWhere(DescribedPredicate.describe("asks the machine for the time without the Clock",
					ConventionsTests::machineTime))
			.check(classes);
	}

	/**
	 * A bean taken through an {@code ObjectProvider} is resolved once, by {@code shared.LateBeans}: no other class asks
	 * the provider for it, which would resolve the dependency anew on every call; the configuration, which runs once
	 * at start-up, may.
	 */
	@Test
	void anotherModulesBeanIsLookedUpOnce() {
		List<String> lookups = List.of("getObject", "getIfAvailable", "getIfUnique", "ifAvailable", "ifUnique", "stream",
				"orderedStream", "iterator");
		noClasses().that()
			.resideInAPackage(BASE + "..")
			.and(DescribedPredicate.describe("are not shared.LateBeans",
					(JavaClass c) -> !c.getName().startsWith(BASE + ".shared.LateBeans")))
			.should()
			.callMethodWhere(DescribedPredicate.describe(
					"asks an ObjectProvider for its bean outside the configuration (a @Bean method, a BeanPostProcessor)",
					(JavaMethodCall call) -> call.getTargetOwner()
						.isAssignableTo(org.springframework.beans.factory.ObjectProvider.class)
							&& lookups.contains(call.getName())
							&& !call.getOrigin().isAnnotatedWith(org.springframework.context.annotation.Bean.class)
							&& !call.getOriginOwner()
								.isAssignableTo(org.springframework.beans.factory.config.BeanPostProcessor.class)))
			.check(classes);
	}

	/**
	 * No transactions in the web layer: a controller calls one use case of its module's API, which is the
	 * transaction. Neither {@code @Transactional} nor a {@code TransactionTemplate} in a {@code web} package.
	 */
	@Test
	void webControllersOpenNoTransactions() {
		noClasses().that()
			.resideInAPackage(BASE + "..web..")
			.should()
			.beAnnotatedWith("org.springframework.transaction.annotation.Transactional")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.transaction.support.TransactionTemplate")
			.check(classes);
		methods().that()
			.areDeclaredInClassesThat()
			.resideInAPackage(BASE + "..web..")
			.should()
			.notBeAnnotatedWith("org.springframework.transaction.annotation.Transactional")
			.check(classes);
	}

	/**
	 * No SQL outside data-access classes: the JDBC APIs that run statements ({@code JdbcClient}, {@code JdbcTemplate}
	 * and its named-parameter twin, {@code SimpleJdbcInsert}) are used only by Spring beans outside {@code web}
	 * packages — a module's repositories and the services that own its tables — never by a controller and never by a
	 * plain rule class (which has no Spring in it).
	 */
	@Test
	void sqlRunsOnlyInDataAccessBeans() {
		String[] sql = { "org.springframework.jdbc.core.simple.JdbcClient", "org.springframework.jdbc.core.JdbcOperations",
				"org.springframework.jdbc.core.JdbcTemplate",
				"org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations",
				"org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate",
				"org.springframework.jdbc.core.simple.SimpleJdbcInsert" };
		noClasses().that()
			.resideInAPackage(BASE + "..web..")
			.should()
			.dependOnClassesThat(DescribedPredicate.describe("run SQL", (JavaClass c) -> List.of(sql).contains(c.getName())))
			.check(classes);
		classes().that(DescribedPredicate.describe("run SQL", (JavaClass c) -> c.getDirectDependenciesFromSelf()
			.stream()
			.anyMatch(d -> List.of(sql).contains(d.getTargetClass().getName()))))
			.and()
			.resideInAPackage(BASE + "..")
			.should(new ArchCondition<JavaClass>("be a Spring bean (or belong to one)") {
				@Override
				public void check(JavaClass type, ConditionEvents events) {
					JavaClass outer = type;
					while (outer.getEnclosingClass().isPresent() && !bean(outer)) {
						outer = outer.getEnclosingClass().get();
					}
					// a table helper a bean builds with its own JdbcClient (shared.OutboxTable) works for that bean
					boolean givenByABean = type.getConstructors()
						.stream()
						.anyMatch(c -> c.getRawParameterTypes().stream().anyMatch(p -> List.of(sql).contains(p.getName())));
					if (!bean(outer) && !isConfigured(outer) && !givenByABean) {
						events.add(SimpleConditionEvent.violated(type, type.getName() + " runs SQL but is not a Spring bean"));
					}
				}
			})
			.check(classes);
	}

	/**
	 * One transaction style: {@code @Transactional} on the use-case method. A transaction opened by hand
	 * ({@code TransactionTemplate}, or any {@code TransactionOperations}) only in the classes below, each where the
	 * transaction's edge is itself the point, with the reason (the comment beside each use says which). A class that
	 * no longer opens one by hand leaves the list, so that it stays true.
	 */
	@Test
	void oneTransactionStyle() {
		Map<String, String> byHand = Map.ofEntries(
				entry(BASE + ".audit.AuditLog", "records arriving after a commit get a transaction of their own; the "
						+ "chain is flushed a thousand records per committed transaction"),
				entry(BASE + ".casework.Applying", "a submission racing the same Idempotency-Key: the loser's "
						+ "transaction must have ended before the winner's receipt is read"),
				entry(BASE + ".catalog.internal.StoredCatalog", "the in-memory catalogue is refreshed only after the "
						+ "change has committed"),
				entry(BASE + ".certificates.Certificates", "the PDF is rendered and signed with no transaction open; only "
						+ "the insert is one"),
				entry(BASE + ".events.EventWorker", "batches committed one by one, a failing batch retried event by "
						+ "event in fresh transactions, each handler in a savepoint"),
				entry(BASE + ".exchange.DepartmentInbound", "a racing repeat's transaction must have ended before the "
						+ "first message's answer is read"),
				entry(BASE + ".hall.internal.Appointments", "the no-show check commits on its own; the seat is released "
						+ "before AppointmentBooked is published"),
				entry(BASE + ".hall.internal.QueueTickets", "a hot path: the transaction holds the counter row or the "
						+ "claimed ticket only for the writes"),
				entry(BASE + ".hall.internal.RoomBookings", "the room's lock row is created outside the booking's "
						+ "transaction"),
				entry(BASE + ".identity.PasswordResets", "the token is stored on the mail thread, after the request has "
						+ "answered"),
				entry(BASE + ".notification.AppointmentReminders", "a batch: one committed transaction per reminder"),
				entry(BASE + ".park.internal.SettlementService", "a plan file stored outside the database is deleted when "
						+ "the transaction fails, its commit included; a conflict at commit answers as a taken unit"),
				entry(BASE + ".payments.Payments", "a payment commits before the provider is called; the provider's "
						+ "answer is booked in a transaction of its own"),
				entry(BASE + ".supervision.Escalations", "a batch: one committed transaction per reminder, a duplicate "
						+ "from another node answered at its commit"));
		DescribedPredicate<JavaClass> opensByHand = DescribedPredicate.describe("open a transaction by hand",
				ConventionsTests::opensTransactionsByHand);
		noClasses().that()
			.resideInAPackage(BASE + "..")
			.and(DescribedPredicate.describe("are not among " + byHand.keySet(),
					(JavaClass c) -> !byHand.containsKey(outermost(c).getName())))
			.should()
			.dependOnClassesThat(opensByHand)
			.check(classes);
		TreeSet<String> doing = new TreeSet<>();
		classes.stream()
			.filter(c -> c.getDirectDependenciesFromSelf().stream().anyMatch(d -> opensByHand.test(d.getTargetClass())))
			.forEach(c -> doing.add(outermost(c).getName()));
		assertThat(new TreeSet<>(byHand.keySet())).as("classes listed as opening transactions by hand that no longer do")
			.isSubsetOf(doing);
		assertThat(byHand.values()).as("each with its reason").allSatisfy(reason -> assertThat(reason).isNotBlank());
	}

	private static boolean opensTransactionsByHand(JavaClass type) {
		return type.getName().equals("org.springframework.transaction.support.TransactionTemplate")
				|| type.getName().equals("org.springframework.transaction.support.TransactionOperations");
	}

	private static JavaClass outermost(JavaClass type) {
		JavaClass outer = type;
		while (outer.getEnclosingClass().isPresent()) {
			outer = outer.getEnclosingClass().get();
		}
		return outer;
	}

	private static boolean machineTime(JavaMethodCall call) {
		String owner = call.getTargetOwner().getName();
		String name = call.getName();
		List<String> params = call.getTarget().getRawParameterTypes().stream().map(JavaClass::getName).toList();
		boolean dateTime = List.of(Instant.class, LocalDate.class, LocalDateTime.class, LocalTime.class, ZonedDateTime.class,
				OffsetDateTime.class, Year.class, YearMonth.class).stream().anyMatch(t -> t.getName().equals(owner));
		if (dateTime && name.equals("now")) {
			return params.isEmpty() || params.equals(List.of(ZoneId.class.getName()));
		}
		if (owner.equals(Clock.class.getName())) {
			return name.equals("systemDefaultZone") || name.equals("systemUTC") || name.equals("system");
		}
		return owner.equals(System.class.getName()) && name.equals("currentTimeMillis");
	}

	/** Spring stereotypes (directly or as a meta-annotation: {@code @Repository}, {@code @Service}, {@code @Configuration}…). */
	private static boolean bean(JavaClass type) {
		return type.isMetaAnnotatedWith("org.springframework.stereotype.Component")
				|| type.isAnnotatedWith("org.springframework.stereotype.Component");
	}

	/** A class made by a {@code @Bean} method of a configuration rather than found by the component scan. */
	private static boolean isConfigured(JavaClass type) {
		return classes.stream()
			.filter(ConventionsTests::bean)
			.flatMap(c -> c.getMethods().stream())
			.filter(m -> m.isAnnotatedWith("org.springframework.context.annotation.Bean"))
			.anyMatch(m -> m.getRawReturnType().equals(type)
					|| m.getConstructorCallsFromSelf().stream().anyMatch(call -> call.getTargetOwner().equals(type)));
	}

	/** The module a type belongs to: the first package below the base, if it is one of ours. */
	private static Optional<String> module(JavaClass type) {
		String name = type.getPackageName();
		if (!name.startsWith(BASE + ".")) {
			return Optional.empty();
		}
		return Optional.of(name.substring(BASE.length() + 1).split("\\.")[0]);
	}

	private static boolean insides(JavaClass type) {
		List<String> parts = List.of(type.getPackageName().split("\\."));
		return parts.contains("internal") || parts.contains("web");
	}

}
