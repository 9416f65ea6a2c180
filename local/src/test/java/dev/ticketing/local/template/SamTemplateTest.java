package dev.ticketing.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The template's functions, as the Lambda runtime harness runs them, and its routes, as the sandbox serves them. */
class SamTemplateTest {

    @Test
    void functions_takeWhatGlobalsSet_unlessTheyOverrideIt_andSamsDefaultsOtherwise() {
        List<TemplateFunction> functions = SamTemplate.parse("""
                Globals:
                  Function:
                    Runtime: java21
                    MemorySize: 512
                    Environment:
                      Variables:
                        TABLE_NAME: !Ref Table
                        STAGE: prod
                    LoggingConfig:
                      LogFormat: JSON
                Resources:
                  Table:
                    Type: AWS::DynamoDB::Table
                  One:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: com.example.One::handleRequest
                      CodeUri: functions/one
                      MemorySize: 1024
                      Timeout: 20
                      Environment:
                        Variables:
                          STAGE: test
                  Two:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: com.example.Two
                      CodeUri: functions/two
                      LoggingConfig:
                        LogFormat: Text
                """).functions();

        assertThat(functions).extracting(TemplateFunction::logicalId).containsExactly("One", "Two");
        TemplateFunction one = functions.get(0);
        TemplateFunction two = functions.get(1);
        assertThat(one.handler()).isEqualTo("com.example.One::handleRequest");
        assertThat(one.runtime()).isEqualTo("java21");
        assertThat(one.codeUri()).isEqualTo(Path.of("functions/one").toAbsolutePath());
        assertThat(one.memorySizeMb()).isEqualTo(1024);
        assertThat(one.timeoutSeconds()).isEqualTo(20);
        assertThat(one.environment().get("TABLE_NAME").path("Ref").asText()).isEqualTo("Table");
        assertThat(one.environment().get("STAGE").asText()).isEqualTo("test");
        assertThat(one.logFormat()).isEqualTo(TemplateFunction.LogFormat.JSON);
        assertThat(two.memorySizeMb()).isEqualTo(512);
        assertThat(two.timeoutSeconds()).isEqualTo(3);
        assertThat(two.environment().get("STAGE").asText()).isEqualTo("prod");
        assertThat(two.logFormat()).isEqualTo(TemplateFunction.LogFormat.TEXT);
    }

    @Test
    void functions_withoutARuntime_areRefused_namingTheFunction() {
        SamTemplate template = SamTemplate.parse("""
                Resources:
                  One:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: com.example.One::handleRequest
                      CodeUri: functions/one
                """);

        assertThatThrownBy(template::functions)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("One has no Runtime");
    }

    @Test
    void projectTemplate_routesAndAuthorizers_runFunctionsOfTheTemplate_withTheirHandlerClass() {
        SamTemplate template = SamTemplate.load();
        Map<String, String> handlerClasses = template.functions().stream().collect(Collectors.toMap(
                TemplateFunction::logicalId, function -> function.handler().replaceFirst("::.*", "")));

        assertThat(template.routes()).isNotEmpty().allSatisfy(route -> {
            assertThat(handlerClasses).containsEntry(route.functionName(), route.handlerClass());
            route.authorizer().ifPresent(authorizer -> assertThat(handlerClasses)
                    .containsEntry(authorizer.functionName(), authorizer.handlerClass()));
        });
    }

    @Test
    void projectTemplate_routesEveryApiEvent_throughTheKeyAuthorizer() {
        List<Route> routes = SamTemplate.load().routes();

        assertThat(routes).extracting(Route::toString).contains("POST /tickets", "GET /tickets/{ticketId}");
        Route create = routes.stream().filter(r -> r.toString().equals("POST /tickets")).findFirst().orElseThrow();
        assertThat(create.functionName()).isEqualTo("CreateTicketFunction");
        assertThat(create.handlerClass()).isEqualTo("dev.ticketing.functions.CreateTicketHandler");
        assertThat(routes).allSatisfy(route -> assertThat(route.authorizer()).hasValueSatisfying(authorizer -> {
            assertThat(authorizer.name()).isEqualTo("ApiKeyAuthorizer");
            assertThat(authorizer.functionName()).isEqualTo("AuthorizerFunction");
            assertThat(authorizer.handlerClass()).isEqualTo("dev.ticketing.functions.AuthorizerHandler");
            assertThat(authorizer.queryStrings()).containsExactly("key");
            assertThat(authorizer.ttl()).isEqualTo(Duration.ofSeconds(300));
        }));
    }

    @Test
    void longFormIntrinsics_anyMethod_andAnOptOutRoute_areUnderstood() {
        List<Route> routes = SamTemplate.parse("""
                Globals:
                  Function:
                    Handler: com.example.DefaultHandler::handleRequest
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      Auth:
                        DefaultAuthorizer: Keys
                        Authorizers:
                          Keys:
                            FunctionArn:
                              Fn::GetAtt: [KeyFunction, Arn]
                            FunctionPayloadType: REQUEST
                            Identity:
                              Headers: [X-Key]
                  KeyFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: com.example.KeyHandler
                  Everything:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                        All:
                          Type: Api
                          Properties:
                            RestApiId:
                              Ref: Api
                            Path: /things/{id}
                            Method: any
                        Health:
                          Type: Api
                          Properties:
                            RestApiId: !Ref Api
                            Path: /health
                            Method: get
                            Auth:
                              Authorizer: NONE
                        Queue:
                          Type: SQS
                          Properties:
                            Queue: !GetAtt SomeQueue.Arn
                """).routes();

        assertThat(routes).containsExactly(
                new Route("GET", "/health", "Everything", "com.example.DefaultHandler", Optional.empty()),
                new Route("ANY", "/things/{id}", "Everything", "com.example.DefaultHandler", Optional.of(
                        new AuthorizerSpec("Keys", "KeyFunction", "com.example.KeyHandler", List.of(),
                                List.of("X-Key"), SamTemplate.DEFAULT_TTL))));
    }

    @Test
    void projectTemplate_throttlesEveryRoute_byTheUsagePlanItDeclares() {
        List<Route> routes = SamTemplate.load().routes();

        assertThat(routes).allSatisfy(route -> assertThat(route.usagePlan()).hasValueSatisfying(plan -> {
            assertThat(plan.name()).isEqualTo("InstanceUsagePlan");
            assertThat(plan.burstLimit()).isEqualTo(100);
            assertThat(plan.ratePerSecond()).isCloseTo(100.0 / 60, within(1e-9));
        }));
    }

    @Test
    void usagePlan_appliesOnlyWhereAnApiKeyIsRequired_andOnlyToTheApiItsStagesName() {
        List<Route> routes = SamTemplate.parse("""
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      Auth:
                        ApiKeyRequired: true
                  OtherApi:
                    Type: AWS::Serverless::Api
                  Plan:
                    Type: AWS::ApiGateway::UsagePlan
                    Properties:
                      ApiStages:
                        - ApiId: !Ref Api
                          Stage: !Ref Api.Stage
                      Throttle:
                        BurstLimit: 5
                        RateLimit: 0.5
                  Things:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: com.example.Things::handleRequest
                      Events:
                        Limited:
                          Type: Api
                          Properties: {RestApiId: !Ref Api, Path: /limited, Method: get}
                        Free:
                          Type: Api
                          Properties: {RestApiId: !Ref Api, Path: /free, Method: get, Auth: {ApiKeyRequired: false}}
                        Elsewhere:
                          Type: Api
                          Properties: {RestApiId: !Ref OtherApi, Path: /elsewhere, Method: get}
                """).routes();

        assertThat(routes).extracting(Route::path, Route::usagePlan).containsExactly(
                tuple("/elsewhere", Optional.empty()),
                tuple("/free", Optional.empty()),
                tuple("/limited", Optional.of(new UsagePlan("Plan", 5, 0.5))));
    }

    @Test
    void tokenAuthorizer_isRejected_becauseOnlyRequestAuthorizersAreEmulated() {
        assertThatThrownBy(() -> SamTemplate.parse("""
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      Auth:
                        DefaultAuthorizer: Token
                        Authorizers:
                          Token:
                            FunctionArn: !GetAtt TokenFunction.Arn
                  TokenFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: com.example.TokenHandler::handleRequest
                  Things:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: com.example.ThingsHandler::handleRequest
                      Events:
                        Get:
                          Type: Api
                          Properties:
                            RestApiId: !Ref Api
                            Path: /things
                            Method: get
                """).routes())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TOKEN authorizer");
    }

    @Test
    void logicalId_isFoundInEveryReferenceForm() {
        assertThat(SamTemplate.logicalId(new TextNode(
                "arn:aws:apigateway:${AWS::Region}:lambda:path/functions/${AuthFunction.Arn}/invocations")))
                .hasValue("AuthFunction");
        assertThat(SamTemplate.logicalId(new TextNode("AuthFunction.Arn")))
                .hasValue("AuthFunction");
    }
}
