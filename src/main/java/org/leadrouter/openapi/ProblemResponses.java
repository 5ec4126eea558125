package org.leadrouter.openapi;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.leadrouter.problem.Problem;

/**
 * Declares on every operation the problem answers it can give, so that each endpoint does not
 * repeat them: 401/403 where a credential is needed, 400 and 415 where a body is sent, 404 where
 * the path names something. All are {@code application/problem+json}.
 */
public class ProblemResponses implements OASFilter {

    private static final String SCHEMA = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.components(OASFactory.createComponents());
        }
        api.getComponents().addSchema(SCHEMA, problemSchema());
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
            boolean body = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT;
            if (secured) {
                problem(operation, "401", "No credential, or one that is unknown, expired or badly signed");
                problem(operation, "403", "The credential's roles do not allow this (or an agent acting for another agent)");
            }
            boolean query = operation.getParameters() != null
                    && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
            if (body || query) {
                problem(operation, "400", "The body or a parameter is not valid; each bad field is named");
            }
            if (body) {
                problem(operation, "415", "The body was not sent as application/json");
            }
            if (path.contains("{")) {
                problem(operation, "404", "Nothing by that name or id");
            }
        }));
    }

    private static void problem(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.responses(OASFactory.createAPIResponses());
        }
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA)));
        operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(content));
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldProblem = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .properties(Map.of("field", text, "problem", text));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem: what went wrong and, for bad input, each bad field")
                .properties(Map.of(
                        "type", text,
                        "title", text,
                        "status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER),
                        "detail", text,
                        "errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldProblem)));
    }
}
