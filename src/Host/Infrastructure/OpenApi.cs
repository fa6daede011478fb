using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Wijkengids.Host.Infrastructure;

internal sealed class OpenApiDocumentDescription : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Wijkengids API",
            Version = "v1",
            Description = "De Wijkengids: lessen uit de wijkenaanpak, gemaakt in co-creatie. Elke wijziging is een gebeurtenis " +
                          "met wie, wanneer en waarom. Fouten volgen RFC 9457 (application/problem+json).",
        };
        return Task.CompletedTask;
    }
}

/// <summary>Documents the problem responses every operation can give.</summary>
internal sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Responses ??= new OpenApiResponses();
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var needsAuth = metadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any();
        var hasBody = context.Description.ParameterDescriptions.Any(p => p.Source.Id == "Body");
        if (hasBody) Add(operation, "400", "Ongeldige invoer (met veldfouten)");
        if (needsAuth)
        {
            Add(operation, "401", "Niet ingelogd");
            Add(operation, "403", "Geen toegang");
        }
        Add(operation, "500", "Onverwachte fout");
        return Task.CompletedTask;
    }

    private static void Add(OpenApiOperation operation, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status)) return;
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new()
                {
                    Schema = new OpenApiSchemaReference("ProblemDetails"),
                },
            },
        };
    }
}
