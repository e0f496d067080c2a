package dev.swasd;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the dependency arrows of design.md true. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.swasd");

    @Test
    void packagesDependOnlyDownwards() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("junit")
                .definedBy("dev.swasd.junit..")
                .layer("embedded")
                .definedBy("dev.swasd.embedded..")
                .layer("cli")
                .definedBy("dev.swasd.cli..")
                .layer("server")
                .definedBy("dev.swasd.server..")
                .layer("protocol")
                .definedBy("dev.swasd.protocol..")
                .layer("ram")
                .definedBy("dev.swasd.ram..")
                .layer("api")
                .definedBy("dev.swasd.api..")
                .layer("swas")
                .definedBy("dev.swasd.swas..")
                .layer("ramapi")
                .definedBy("dev.swasd.ramapi..")
                .layer("store")
                .definedBy("dev.swasd.store..")
                .layer("catalog")
                .definedBy("dev.swasd.catalog..")
                .layer("errors")
                .definedBy("dev.swasd.errors..")
                .whereLayer("junit")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("embedded")
                .mayOnlyBeAccessedByLayers("junit")
                .whereLayer("cli")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("server")
                .mayOnlyBeAccessedByLayers("cli", "embedded")
                .whereLayer("protocol")
                .mayOnlyBeAccessedByLayers("server", "cli", "api", "embedded")
                .whereLayer("ram")
                .mayOnlyBeAccessedByLayers("server", "cli")
                .whereLayer("api")
                .mayOnlyBeAccessedByLayers("swas", "ramapi", "server")
                .whereLayer("swas")
                .mayOnlyBeAccessedByLayers("server")
                .whereLayer("ramapi")
                .mayOnlyBeAccessedByLayers("server", "cli")
                .whereLayer("store")
                .mayOnlyBeAccessedByLayers("swas", "ramapi", "server", "cli", "api", "embedded")
                .whereLayer("catalog")
                .mayOnlyBeAccessedByLayers("protocol", "ram", "server")
                .whereLayer("errors")
                .mayOnlyBeAccessedByLayers("protocol", "server", "swas", "ramapi", "cli", "api")
                .check(CLASSES);
    }

    @Test
    void domainKnowsNoHttpAndNoSql() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.swasd.swas..", "dev.swasd.ramapi..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.eclipse.jetty..", "java.sql..", "javax.sql..", "dev.swasd.protocol..")
                .check(CLASSES);
    }

    @Test
    void protocolKnowsNoSql() {
        noClasses()
                .that()
                .resideInAPackage("dev.swasd.protocol..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..", "dev.swasd.store..", "org.eclipse.jetty..")
                .check(CLASSES);
    }
}
