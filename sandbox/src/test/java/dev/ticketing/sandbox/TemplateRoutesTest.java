package dev.ticketing.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.ticketing.local.dynamodb.TemplateTable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemplateRoutesTest {

    @Test
    void projectTemplate_routesEveryApiEvent_throughTheKeyAuthorizer() {
        List<Route> routes = TemplateRoutes.load(TemplateTable.load().template());

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
        List<Route> routes = TemplateRoutes.parse("""
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
                """);

        assertThat(routes).containsExactly(
                new Route("GET", "/health", "Everything", "com.example.DefaultHandler", Optional.empty()),
                new Route("ANY", "/things/{id}", "Everything", "com.example.DefaultHandler", Optional.of(
                        new AuthorizerSpec("Keys", "KeyFunction", "com.example.KeyHandler", List.of(),
                                List.of("X-Key"), TemplateRoutes.DEFAULT_TTL))));
    }

    @Test
    void projectTemplate_throttlesEveryRoute_byTheUsagePlanItDeclares() {
        List<Route> routes = TemplateRoutes.load(TemplateTable.load().template());

        assertThat(routes).allSatisfy(route -> assertThat(route.usagePlan()).hasValueSatisfying(plan -> {
            assertThat(plan.name()).isEqualTo("InstanceUsagePlan");
            assertThat(plan.burstLimit()).isEqualTo(100);
            assertThat(plan.ratePerSecond()).isCloseTo(100.0 / 60, within(1e-9));
        }));
    }

    @Test
    void usagePlan_appliesOnlyWhereAnApiKeyIsRequired_andOnlyToTheApiItsStagesName() {
        List<Route> routes = TemplateRoutes.parse("""
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
                """);

        assertThat(routes).extracting(Route::path, Route::usagePlan).containsExactly(
                tuple("/elsewhere", Optional.empty()),
                tuple("/free", Optional.empty()),
                tuple("/limited", Optional.of(new UsagePlan("Plan", 5, 0.5))));
    }

    @Test
    void tokenAuthorizer_isRejected_becauseOnlyRequestAuthorizersAreEmulated() {
        assertThatThrownBy(() -> TemplateRoutes.parse("""
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
                """))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TOKEN authorizer");
    }

    @Test
    void logicalId_isFoundInEveryReferenceForm() {
        assertThat(TemplateRoutes.logicalId(new TextNode(
                "arn:aws:apigateway:${AWS::Region}:lambda:path/functions/${AuthFunction.Arn}/invocations")))
                .hasValue("AuthFunction");
        assertThat(TemplateRoutes.logicalId(new TextNode("AuthFunction.Arn")))
                .hasValue("AuthFunction");
    }
}
