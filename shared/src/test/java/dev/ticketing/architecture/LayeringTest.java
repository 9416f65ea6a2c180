package dev.ticketing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layers of docs/architecture.md, checked on the compiled classes: {@code http} above {@code service} above
 * the {@code store} ports, with the DynamoDB adapter behind them. The domain (service, validation, model, error)
 * knows no HTTP: it names an {@code ErrorCode}, and only {@code http.ErrorResponses} gives it a status.
 */
class LayeringTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ticketing");

    private static final String[] DOMAIN = {"dev.ticketing.service..", "dev.ticketing.validation..",
        "dev.ticketing.model..", "dev.ticketing.error..", "dev.ticketing.store.."};
    private static final String[] WEB = {"dev.ticketing.http..", "dev.ticketing.lambda..",
        "com.amazonaws.services.lambda.."};

    @Test
    void domainAndStore_knowNoHttpNorLambdaTypes() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(WEB)
                .because("the web layer maps the domain's errors and results to HTTP, never the reverse")
                .check(MAIN);
    }

    @Test
    void store_throwsItsOwnPortExceptions_notTheDomainsErrors() {
        noClasses().that().resideInAPackage("dev.ticketing.store..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ticketing.error..", "dev.ticketing.service..")
                .because("the store reports what happened to the data; the service decides what the caller is told")
                .check(MAIN);
    }

    @Test
    void services_useTheStorePorts_notTheDynamoDbAdapter() {
        noClasses().that().resideInAnyPackage("dev.ticketing.service..", "dev.ticketing.validation..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ticketing.store.dynamodb..",
                        "software.amazon.awssdk..")
                .check(MAIN);
    }

    @Test
    void model_dependsOnNothingAboveIt() {
        noClasses().that().resideInAPackage("dev.ticketing.model..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ticketing.service..",
                        "dev.ticketing.store..", "dev.ticketing.http..", "dev.ticketing.validation..")
                .check(MAIN);
    }
}
