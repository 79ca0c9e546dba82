package org.hetao.estation;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** Each direct subpackage is a module that others reach only through its API or its events. */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(EstationApplication.class);

	static final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.hetao.estation");

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	/** Cases change only inside casework: the aggregate, its tasks and its repository are its insides. */
	@Test
	void casesAreReadOutsideCaseworkOnlyThroughItsReadOnlyView() {
		noClasses().that()
			.resideOutsideOfPackage("org.hetao.estation.casework..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.hetao.estation.casework.internal..")
			.because("other modules see casework's events and its read-only CaseView and TaskView")
			.check(classes);
		assertThat(modules.getModuleByName("casework").orElseThrow().getBasePackage().getName())
			.isEqualTo("org.hetao.estation.casework");
	}

	/** A module's API hands out no type of its insides: a public method of an API type neither takes nor returns one. */
	@Test
	void apiMethodsExposeNoInternalTypes() {
		Set<String> apiPackages = modules.stream()
			.map(ApplicationModule::getBasePackage)
			.map(p -> p.getName())
			.collect(java.util.stream.Collectors.toSet());
		assertThat(apiPackages).contains("org.hetao.estation.casework", "org.hetao.estation.certificates");
		methods().that()
			.arePublic()
			.and()
			.areDeclaredInClassesThat()
			.arePublic()
			.and()
			.areDeclaredInClassesThat()
			.resideInAnyPackage(apiPackages.toArray(String[]::new))
			.should(exposeNoInternalTypes())
			.check(classes);
	}

	private static ArchCondition<JavaMethod> exposeNoInternalTypes() {
		return new ArchCondition<>("neither take nor return a type of a module's insides") {
			@Override
			public void check(JavaMethod method, ConditionEvents events) {
				Stream.concat(method.getReturnType().getAllInvolvedRawTypes().stream(),
						method.getParameterTypes().stream().flatMap(t -> t.getAllInvolvedRawTypes().stream()))
					.filter(ModularityTests::insideAModule)
					.map(JavaClass::getName)
					.distinct()
					.forEach(type -> events.add(SimpleConditionEvent.violated(method,
							method.getFullName() + " exposes " + type)));
			}
		};
	}

	private static boolean insideAModule(JavaClass type) {
		String name = type.getPackageName();
		return name.startsWith("org.hetao.estation.") && List.of(name.split("\\.")).contains("internal")
				&& !type.getModifiers().contains(JavaModifier.SYNTHETIC);
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
