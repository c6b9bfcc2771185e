package org.resumablesse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The API and the core must run without Jakarta EE or MicroProfile on the class path: only the
 * adapters under {@code org.resumablesse.jakarta} may use them.
 */
class ArchitectureTest {

    private static final String[] PLAIN_JAVA_PACKAGES = {
        "org.resumablesse", "org.resumablesse.core..", "org.resumablesse.spi.."
    };

    static final ArchRule CORE_IS_PLAIN_JAVA =
            noClasses()
                    .that()
                    .resideInAnyPackage(PLAIN_JAVA_PACKAGES)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "jakarta..",
                            "org.eclipse.microprofile..",
                            "javax.ws..",
                            "javax.servlet..",
                            "javax.enterprise..",
                            "javax.inject..")
                    .because("the API and the core are plain Java 17; only adapters use Jakarta");

    static final ArchRule NOTHING_ELSE_USES_THE_CLIENT =
            noClasses()
                    .that()
                    .resideOutsideOfPackage("org.resumablesse.client..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("org.resumablesse.client..")
                    .because("the Java client is for applications; the server never needs it");

    static final ArchRule THE_CLIENT_USES_NOTHING_OF_THE_SERVER =
            noClasses()
                    .that()
                    .resideInAPackage("org.resumablesse.client..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "org.resumablesse",
                            "org.resumablesse.core..",
                            "org.resumablesse.spi..",
                            "org.resumablesse.jakarta..",
                            "org.eclipse.microprofile..")
                    .because("the client runs in any JVM with a JAX-RS client and nothing else");

    /** Every main class of the module, read from where SseEngine was compiled to. */
    private static final JavaClasses MAIN_CLASSES =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importUrl(
                            org.resumablesse.core.SseEngine.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation());

    @Test
    void theApiAndTheCoreDependOnNoJakartaOrMicroProfileType() {
        JavaClasses checked = MAIN_CLASSES.that(resideIn(PLAIN_JAVA_PACKAGES));

        assertThat(checked.size())
                .as("classes of the API, core and SPI imported")
                .isGreaterThan(20);
        assertThat(MAIN_CLASSES.contain(org.resumablesse.core.SseEngine.class)).isTrue();
        assertThat(MAIN_CLASSES.contain(org.resumablesse.spi.EventStore.class)).isTrue();
        assertThat(MAIN_CLASSES.contain(ServerEvent.class)).isTrue();
        CORE_IS_PLAIN_JAVA.check(MAIN_CLASSES);
    }

    @Test
    void theClientAndTheServerSideDoNotDependOnEachOther() {
        assertThat(MAIN_CLASSES.that(resideIn("org.resumablesse.client..")).size())
                .as("client classes imported")
                .isGreaterThan(3);
        NOTHING_ELSE_USES_THE_CLIENT.check(MAIN_CLASSES);
        THE_CLIENT_USES_NOTHING_OF_THE_SERVER.check(MAIN_CLASSES);
    }

    @Test
    void theRuleCatchesACoreClassThatUsesJakartaAndIgnoresTheAdapter() {
        JavaClasses offender = new ClassFileImporter().importClasses(UsesJakarta.class);

        EvaluationResult result = CORE_IS_PLAIN_JAVA.evaluate(offender);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("jakarta.ws.rs.sse.Sse");

        JavaClasses adapters = MAIN_CLASSES.that(resideIn("org.resumablesse.jakarta.."));
        assertThat(CORE_IS_PLAIN_JAVA.allowEmptyShould(true).evaluate(adapters).hasViolation())
                .as("the adapter may use Jakarta")
                .isFalse();
    }

    private static com.tngtech.archunit.base.DescribedPredicate<
                    com.tngtech.archunit.core.domain.JavaClass>
            resideIn(String... packages) {
        return com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(packages);
    }

    /** Sits in the API package (as a nested test class) and uses a Jakarta type: must be caught. */
    static final class UsesJakarta {
        jakarta.ws.rs.sse.Sse sse;
    }
}
