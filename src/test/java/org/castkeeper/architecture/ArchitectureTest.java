package org.castkeeper.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package rules, checked on the compiled classes. The layers, from the bottom:
 * <ul>
 *   <li><b>base</b>: {@code config}, {@code db}, {@code http} (HTTP primitives, no server), {@code errors} (the one
 *       error convention);</li>
 *   <li><b>model</b>: {@code catalogue}, {@code auth};</li>
 *   <li><b>services</b>: {@code media}, {@code feed}, {@code importing}, {@code episodes}, {@code distribution},
 *       {@code backup}, and the packages still to come ({@code storage}, {@code analytics}, {@code feedimport});</li>
 *   <li><b>pages</b>: {@code admin}, {@code site};</li>
 *   <li><b>assembly</b>: the root {@code Castkeeper} (builds the parts), {@code web} (the server and its one route
 *       table), {@code cli}.</li>
 * </ul>
 * A layer uses only the layers below it (and, within services, no package cycles). Controllers take only what
 * they use: no page knows the whole {@code Castkeeper}; {@code web} hands the admin its parts
 * ({@code admin.AdminParts}).
 */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.castkeeper");

    @Test
    void noPackageCycles() {
        slices().matching("org.castkeeper.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("base")
                .definedBy(
                        "org.castkeeper.config..",
                        "org.castkeeper.db..",
                        "org.castkeeper.http..",
                        "org.castkeeper.errors..")
                .layer("model")
                .definedBy("org.castkeeper.catalogue..", "org.castkeeper.auth..")
                .layer("services")
                .definedBy(
                        "org.castkeeper.media..",
                        "org.castkeeper.feed..",
                        "org.castkeeper.importing..",
                        "org.castkeeper.episodes..",
                        "org.castkeeper.distribution..",
                        "org.castkeeper.backup..",
                        "org.castkeeper.storage..",
                        "org.castkeeper.analytics..",
                        "org.castkeeper.feedimport..")
                .layer("pages")
                .definedBy("org.castkeeper.admin..", "org.castkeeper.site..")
                .layer("assembly")
                .definedBy("org.castkeeper", "org.castkeeper.web..", "org.castkeeper.cli..")
                .whereLayer("assembly")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("pages")
                .mayOnlyBeAccessedByLayers("assembly")
                .whereLayer("services")
                .mayOnlyBeAccessedByLayers("pages", "assembly")
                .whereLayer("model")
                .mayOnlyBeAccessedByLayers("services", "pages", "assembly")
                .check(CLASSES);
    }

    @Test
    void onlyTheWebPackageBuildsTheServer() {
        noClasses()
                .that()
                .resideOutsideOfPackages("org.castkeeper.web..", "org.castkeeper.cli..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("io.javalin.Javalin")
                .check(CLASSES);
    }

    @Test
    void featureCodeKnowsNoServerTypes() {
        noClasses()
                .that()
                .resideOutsideOfPackages("org.castkeeper.web..", "org.castkeeper.http..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.eclipse.jetty.server..",
                        "org.eclipse.jetty.http..",
                        "org.eclipse.jetty.io..",
                        "org.eclipse.jetty.ee10..")
                .because("only web builds the server, and http wraps what the podcatcher path needs of it")
                .check(CLASSES);
    }

    @Test
    void controllersTakeOnlyWhatTheyUse() {
        noClasses()
                .that()
                .resideInAnyPackage("org.castkeeper.admin..", "org.castkeeper.site..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.castkeeper.Castkeeper")
                .check(CLASSES);
    }
}
