package org.resumablesse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.resumablesse.it.features.FeatureTarget;

/**
 * Runs the Gherkin features under {@code src/test/resources/features} against the demo WAR on the
 * server of this failsafe execution: Arquillian deploys it, then this test launches the Cucumber
 * engine through the JUnit Platform launcher with the deployment's address, and fails with the
 * failed scenarios' messages. Cucumber's report of every step is in this class's output file in
 * {@code target/failsafe-reports/<server>/}.
 */
@RunAsClient
class ReconnectionFeaturesIT extends ServerIT {

    /** The scenarios in the features; a feature that is not found fails the run. */
    private static final int SCENARIOS = 4;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("features", "deployments/features.properties");
    }

    @Test
    void everyReconnectionScenarioPassesOnThisServer() {
        FeatureTarget.set(demo());
        LauncherDiscoveryRequest features =
                request()
                        .selectors(selectClasspathResource("features"))
                        .filters(EngineFilter.includeEngines("cucumber"))
                        .configurationParameter("cucumber.glue", "org.resumablesse.it.features")
                        .configurationParameter("cucumber.plugin", "pretty")
                        .configurationParameter("cucumber.publish.quiet", "true")
                        .configurationParameter("cucumber.ansi-colors.disabled", "true")
                        .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();

        LauncherFactory.create().execute(features, listener);

        TestExecutionSummary summary = listener.getSummary();
        StringWriter failures = new StringWriter();
        summary.printFailuresTo(new PrintWriter(failures), 30);
        assertEquals(0, summary.getTotalFailureCount(), failures::toString);
        assertEquals(SCENARIOS, summary.getTestsSucceededCount(), failures::toString);
    }
}
