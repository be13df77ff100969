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
 *       {@code backup}, {@code storage}, {@code analytics}, {@code feedimport}, {@code show};</li>
 *   <li><b>pages</b>: {@code admin}, {@code site};</li>
 *   <li><b>assembly</b>: the root {@code Castkeeper} (builds the parts), {@code web} (the server and its one route
 *       table), {@code cli}.</li>
 * </ul>
 * A layer uses only the layers below it; no two packages depend on each other, the root package included; a
 * package in no layer fails the build ({@link #PACKAGES}). Controllers take only what they use: no page knows the
 * whole {@code Castkeeper}; {@code web} builds each admin controller with its own collaborators. The admin's
 * feature packages ({@code admin.episodes}, {@code admin.settings} ...) form no cycle, and {@code admin.shared}
 * knows none of them. No page writes a repository: the lifecycle owns every change to an episode, {@code
 * show.ShowEditor} every change to the show's settings.
 */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.castkeeper");

    /** The packages of the layers below, each with its layer: a package in none fails the build. */
    static final java.util.List<String> PACKAGES = java.util.List.of(
            "config",
            "db",
            "http",
            "errors", // base
            "catalogue",
            "auth", // model
            "media",
            "feed",
            "importing",
            "episodes",
            "distribution",
            "backup",
            "storage",
            "analytics",
            "feedimport",
            "show", // services
            "admin",
            "site", // pages
            "web",
            "cli"); // assembly, with the root package

    /**
     * Slices by the first package below {@code base}, and {@code base}'s own classes one more slice, named
     * {@code rootSlice}; classes outside {@code base} (and the generated jOOQ code) belong to none.
     */
    static com.tngtech.archunit.library.dependencies.SliceAssignment packagesBelow(String base, String rootSlice) {
        return new com.tngtech.archunit.library.dependencies.SliceAssignment() {
            @Override
            public com.tngtech.archunit.library.dependencies.SliceIdentifier getIdentifierOf(
                    com.tngtech.archunit.core.domain.JavaClass c) {
                String name = c.getPackageName();
                if (name.equals(base)) {
                    return com.tngtech.archunit.library.dependencies.SliceIdentifier.of(rootSlice);
                }
                if (!name.startsWith(base + ".") || name.startsWith("org.castkeeper.db.generated")) {
                    return com.tngtech.archunit.library.dependencies.SliceIdentifier.ignore();
                }
                String rest = name.substring(base.length() + 1);
                int dot = rest.indexOf('.');
                return com.tngtech.archunit.library.dependencies.SliceIdentifier.of(
                        base + "." + (dot < 0 ? rest : rest.substring(0, dot)));
            }

            @Override
            public String getDescription() {
                return "the packages below " + base + ", and " + base + " itself";
            }
        };
    }

    /** Every top-level package is a slice, and the root package's classes ({@code Castkeeper}) one more. */
    static final com.tngtech.archunit.library.dependencies.SliceAssignment TOP_LEVEL =
            packagesBelow("org.castkeeper", "(root)");

    @Test
    void noPackageCyclesTheRootPackageIncluded() {
        slices().assignedFrom(TOP_LEVEL).should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void everyPackageHasALayer() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .should()
                .resideInAnyPackage(java.util.stream.Stream.concat(
                                java.util.stream.Stream.of("org.castkeeper"),
                                PACKAGES.stream().map(p -> "org.castkeeper." + p + ".."))
                        .toArray(String[]::new))
                .because("a new package must be placed in a layer (ArchitectureTest.PACKAGES and the layers)")
                .check(CLASSES);
    }

    /**
     * What the catalogue's writing methods are called ("save", "dismiss", "recordDeletion"); a getter such as
     * "settings" or "createdAt" is no write.
     */
    static final java.util.regex.Pattern WRITE =
            java.util.regex.Pattern.compile("(create|update|delete|save|insert|add|remove|dismiss|seed|settle|record"
                    + "|mark|claim|set|put|write|retire|forget)([A-Z]\\w*)?");

    @Test
    void noPageWritesARepository() {
        noClasses()
                .that()
                .resideInAnyPackage("org.castkeeper.admin..", "org.castkeeper.site..")
                .should()
                .callMethodWhere(
                        new com.tngtech.archunit.base.DescribedPredicate<
                                com.tngtech.archunit.core.domain.JavaMethodCall>("a write of the catalogue") {
                            @Override
                            public boolean test(com.tngtech.archunit.core.domain.JavaMethodCall call) {
                                return call.getTargetOwner().getPackageName().equals("org.castkeeper.catalogue")
                                        && WRITE.matcher(call.getName()).matches();
                            }
                        })
                .because("the services own every change: episodes.EpisodeLifecycle an episode's, show.ShowEditor the"
                        + " show's settings'")
                .check(CLASSES);
    }

    /** admin's feature packages as slices: admin.episodes, admin.settings, ...; the admin root one more. */
    static final com.tngtech.archunit.library.dependencies.SliceAssignment ADMIN_FEATURES =
            packagesBelow("org.castkeeper.admin", "admin");

    @Test
    void theAdminFeaturesFormNoCycleAndSharedKnowsNone() {
        slices().assignedFrom(ADMIN_FEATURES).should().beFreeOfCycles().check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("org.castkeeper.admin.shared..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.castkeeper.admin",
                        "org.castkeeper.admin.episodes..",
                        "org.castkeeper.admin.settings..",
                        "org.castkeeper.admin.accounts..",
                        "org.castkeeper.admin.distribution..",
                        "org.castkeeper.admin.stats..",
                        "org.castkeeper.admin.feedimport..")
                .check(CLASSES);
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
                        "org.castkeeper.feedimport..",
                        "org.castkeeper.show..")
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
